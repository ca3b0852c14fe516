package canto.tagger.plan;

import canto.tagger.model.ParsedTitle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Makes the plan row of one file from what the parser found in its name. */
public final class PlanRows {
    /** Rows below this confidence are marked for review (as are rows lacking an artist or a title). */
    public static final double REVIEW_BELOW = 0.9;

    private PlanRows() {}

    /** The row of {@code file}: the parse, and the file's size and modification time now. */
    public static PlanRow of(Path file, ParsedTitle parsed) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        return new PlanRow(file.toAbsolutePath().normalize().toString(), parsed.artist(), parsed.title(), parsed.confidence(),
                needsReview(parsed), a.size(), a.lastModifiedTime().toInstant(), parsed.artist(), parsed.title());
    }

    /**
     * Whether a person should check this parse: no artist, no title, flagged by the parser
     * ({@link ParsedTitle#review()}), or a confidence below {@link #REVIEW_BELOW}.
     */
    public static boolean needsReview(ParsedTitle p) {
        return p.artists().isEmpty() || p.titles().isEmpty() || p.review() || !(p.confidence() >= REVIEW_BELOW);
    }
}
