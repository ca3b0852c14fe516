package canto.tagger.learn;

import canto.engine.io.AtomicFiles;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's labelled examples, kept beside the user model so that the next {@code learn}
 * adds to them: the labelled-title TSV of the training data ({@code title artist song
 * artist_spans song_spans}, spans in code points), one row per file name, sorted by it, so
 * that the same examples always make the same file (and the same model).
 */
public final class ExampleFile {
    private ExampleFile() {}

    /** The examples in {@code file}; none when it does not exist. */
    public static List<LabelledTitle> read(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        byte[] bytes = Files.readAllBytes(file);
        int lines = 0;
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n' && i + 1 < bytes.length && bytes[i + 1] != '\n') lines++;
        if (lines == 0) return List.of(); // the header only
        return LabelledTitles.read(file, true);
    }

    /** {@code old} with {@code added} merged in: an added example replaces an old one of the same title. Sorted by title. */
    public static List<LabelledTitle> merge(Collection<LabelledTitle> old, Collection<LabelledTitle> added) {
        Map<String, LabelledTitle> byTitle = new TreeMap<>();
        for (LabelledTitle t : old) byTitle.put(t.title(), t);
        for (LabelledTitle t : added) byTitle.put(t.title(), t);
        return new ArrayList<>(byTitle.values());
    }

    /** Writes {@code examples} (sorted by title) atomically. */
    public static void write(Path file, Collection<LabelledTitle> examples) throws IOException {
        AtomicFiles.write(file, text(merge(List.of(), examples)));
    }

    static String text(List<LabelledTitle> examples) {
        StringBuilder b = new StringBuilder("title\tartist\tsong\tartist_spans\tsong_spans\n");
        for (LabelledTitle t : examples) {
            b.append(t.title()).append('\t').append(String.join(" | ", t.artists())).append('\t')
                    .append(String.join(" | ", t.titles())).append('\t');
            spans(b, t.title(), t.artistSpans());
            b.append('\t');
            spans(b, t.title(), t.titleSpans());
            b.append('\n');
        }
        return b.toString();
    }

    private static void spans(StringBuilder b, String title, int[][] spans) {
        for (int i = 0; i < spans.length; i++) {
            if (i > 0) b.append(';');
            b.append(title.codePointCount(0, spans[i][0])).append('-').append(title.codePointCount(0, spans[i][1]));
        }
    }
}
