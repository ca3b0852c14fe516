package canto.tagger.plan;

import canto.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a plan file (see {@link PlanFormat}): review rows first, each group in the order given. Whole or not at all. */
public final class PlanWriter {
    private PlanWriter() {}

    /** The plan's text: header, review rows, then the others. */
    public static String text(List<PlanRow> rows) {
        List<PlanRow> ordered = new ArrayList<>(rows.size());
        for (PlanRow r : rows) if (r.review()) ordered.add(r);
        for (PlanRow r : rows) if (!r.review()) ordered.add(r);
        StringBuilder b = new StringBuilder();
        b.append(String.join("\t", PlanFormat.COLUMNS)).append('\n');
        for (PlanRow r : ordered) {
            b.append(PlanFormat.field(r.path())).append('\t')
                    .append(PlanFormat.field(r.artist())).append('\t')
                    .append(PlanFormat.field(r.title())).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", r.confidence())).append('\t')
                    .append(r.review() ? PlanFormat.YES : PlanFormat.NO).append('\t')
                    .append(r.size()).append('\t')
                    .append(r.modified()).append('\t')
                    .append(PlanFormat.field(r.suggestedArtist())).append('\t')
                    .append(PlanFormat.field(r.suggestedTitle())).append('\n');
        }
        return b.toString();
    }

    /** Writes the plan to {@code file} atomically (UTF-8, LF). */
    public static void write(Path file, List<PlanRow> rows) throws IOException {
        AtomicFiles.write(file, text(rows));
    }
}
