package canto.tagger.plan;

import canto.tagger.model.ParsedTitle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Makes the plan row of one file from what the parser found in its name. */
public final class PlanRows {
    private PlanRows() {}

    /**
     * The row of {@code file}: the parse, and the file's size and modification time now. Its
     * review flag is the parser's own ({@link ParsedTitle#review()}: calibrated confidence below
     * the model's threshold, {@code NeuralTitleParser.DEFAULT_REVIEW_BELOW} unless the model file
     * names one), the same flag {@code parse --json} prints and tagging marks {@code REVIEW}.
     */
    public static PlanRow of(Path file, ParsedTitle parsed) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        return new PlanRow(file.toAbsolutePath().normalize().toString(), parsed.artist(), parsed.title(), parsed.confidence(),
                parsed.review(), a.size(), a.lastModifiedTime().toInstant(), parsed.artist(), parsed.title());
    }
}
