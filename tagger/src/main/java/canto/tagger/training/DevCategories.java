package canto.tagger.training;

import canto.tagger.model.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The category of each dev-set title, from {@code titles-dev-categories.tsv}: a header
 * {@code line category title}, then one row per dev title, {@code line} being the 1-based
 * line of that title in {@code titles-dev.tsv} (its header is line 1) and {@code title} a copy
 * of it (checked). Used to report results by category.
 */
public final class DevCategories {
    private DevCategories() {}

    /** The categories file beside {@code devFile}: {@code titles-dev.tsv} -> {@code titles-dev-categories.tsv}. */
    public static Path besides(Path devFile) {
        String name = devFile.getFileName().toString();
        String base = name.endsWith(".tsv") ? name.substring(0, name.length() - 4) : name;
        return devFile.resolveSibling(base + "-categories.tsv");
    }

    /** Category by dev title (as in {@code titles}); every title must have one. */
    public static Map<LabelledTitle, String> read(Path file, List<LabelledTitle> titles) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        }
        if (lines.isEmpty() || !lines.get(0).equals("line\tcategory\ttitle")) {
            throw new DataException(file + ":1: header must be line<TAB>category<TAB>title");
        }
        Map<Integer, String[]> byLine = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).split("\t", -1);
            String where = file + ":" + (i + 1);
            if (f.length != 3) throw new DataException(where + ": expected 3 tab-separated fields, found " + f.length);
            int line;
            try {
                line = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw new DataException(where + ": field 'line': '" + f[0] + "' is not a number");
            }
            if (f[1].isBlank()) throw new DataException(where + ": field 'category' is empty");
            if (byLine.put(line, f) != null) throw new DataException(where + ": line " + line + " listed twice");
        }
        Map<LabelledTitle, String> out = new LinkedHashMap<>();
        for (LabelledTitle t : titles) {
            String src = t.source();
            int line = Integer.parseInt(src.substring(src.lastIndexOf(':') + 1));
            String[] f = byLine.get(line);
            if (f == null) throw new DataException(file + ": no category for " + src);
            if (!f[2].equals(t.title())) throw new DataException(file + ": line " + line + " names '" + f[2] + "', but " + src + " is '" + t.title() + "'");
            out.put(t, f[1]);
        }
        return out;
    }
}
