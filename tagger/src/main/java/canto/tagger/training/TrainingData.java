package canto.tagger.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which labelled files {@code train} and {@code eval} read. By default
 * {@code data/tagger/titles-train.tsv} (the real titles) plus every
 * {@code data/tagger/titles-written*.tsv} (titles we wrote). A file whose name contains
 * {@code written} holds our own titles: they are trained on but never tested in
 * cross-validation. {@code titles-heldout.tsv} is never read by default.
 */
public final class TrainingData {
    public static final Path DIR = Path.of("data", "tagger");
    public static final Path REAL = DIR.resolve("titles-train.tsv");

    private TrainingData() {}

    public static List<Path> defaultFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(REAL);
        if (Files.isDirectory(DIR)) {
            List<Path> written = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(DIR, "titles-written*.tsv")) {
                for (Path p : ds) written.add(p);
            }
            written.sort(null);
            files.addAll(written);
        }
        return files;
    }

    public static boolean isWritten(Path file) {
        return file.getFileName().toString().contains("written");
    }

    public static List<LabelledTitle> load(List<Path> files) throws IOException {
        List<LabelledTitle> all = new ArrayList<>();
        for (Path f : files) all.addAll(LabelledTitles.read(f, !isWritten(f)));
        return all;
    }

    /** "file (n titles), ..." for metadata and logs. */
    public static String describe(List<Path> files, List<LabelledTitle> titles) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            int n = 0;
            String name = f.toString();
            for (LabelledTitle t : titles) if (t.source().startsWith(name + ":")) n++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(f.toString().replace('\\', '/')).append(" (").append(n).append(" titles)");
        }
        return sb.toString();
    }
}
