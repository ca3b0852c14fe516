package canto.genre.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads {@code tcc_ceds_music.csv} or one of its partial copies (UTF-8, comma-separated,
 * header line first) into a {@link SongTable}. Columns are found by header name; the file
 * needs {@code genre}, and {@code lyrics} and/or all 22 feature columns. Every problem is a
 * {@link DataFileException} naming the file, the line and the column.
 */
public final class SongTableLoader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)            // the original's first column is unnamed
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .build();

    private SongTableLoader() {}

    /** Loads {@code path}; {@code name} is how the file is called in messages. */
    public static SongTable load(Path path, String name) throws DataFileException {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "no such file");
        } catch (CharacterCodingException e) {
            throw new DataFileException(name, "not valid UTF-8");
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e.getMessage());
        }
    }

    /** Reads CSV text; {@code name} is how the source is called in messages. */
    public static SongTable read(Reader reader, String name) throws DataFileException, IOException {
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new DataFileException(name, 1, null, "bad header line: " + e.getMessage());
        }
        try (parser) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) throw new DataFileException(name, "empty file (no header line)");
            int columns = parser.getHeaderNames().size();
            Integer genreCol = header.get(SongColumns.GENRE);
            if (genreCol == null) {
                throw new DataFileException(name, 1, SongColumns.GENRE, "missing column (the header has " + describe(parser.getHeaderNames()) + ")");
            }
            Integer lyricsCol = header.get(SongColumns.LYRICS);
            List<String> missing = new ArrayList<>();
            int[] featureCols = new int[SongColumns.FEATURES.size()];
            for (int j = 0; j < featureCols.length; j++) {
                Integer c = header.get(SongColumns.FEATURES.get(j));
                if (c == null) missing.add(SongColumns.FEATURES.get(j));
                else featureCols[j] = c;
            }
            boolean hasFeatures = missing.isEmpty();
            if (lyricsCol == null && !hasFeatures) {
                throw new DataFileException(name, 1, SongColumns.LYRICS, "missing column, and " + missing.size()
                        + " of the 22 feature columns are missing too (first: '" + missing.get(0)
                        + "'): this file can serve none of the experiments");
            }

            IntList labels = new IntList();
            List<String> lyrics = lyricsCol == null ? null : new ArrayList<>();
            FloatList features = hasFeatures ? new FloatList() : null;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;   // where the next record starts
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new DataFileException(name, line, null, "malformed CSV: " + cleanMessage(e));
                }
                if (record.size() == 1 && record.get(0).isEmpty() && columns > 1) continue; // blank line
                if (record.size() != columns) {
                    throw new DataFileException(name, line, null, "malformed row: " + record.size()
                            + " fields where the header has " + columns);
                }
                String genre = record.get(genreCol);
                int label = LabelEncoder.GENRES.encode(genre);
                if (label < 0) {
                    throw new DataFileException(name, line, SongColumns.GENRE, "unknown genre '" + genre
                            + "' (known: " + String.join(", ", LabelEncoder.GENRES.classes()) + ")");
                }
                labels.add(label);
                if (lyrics != null) lyrics.add(record.get(lyricsCol));
                if (features != null) {
                    for (int j = 0; j < featureCols.length; j++) {
                        features.add(parseFeature(record.get(featureCols[j]), name, line, SongColumns.FEATURES.get(j)));
                    }
                }
            }
            if (labels.size() == 0) throw new DataFileException(name, "no data rows after the header line");
            return new SongTable(name, labels.toArray(), lyrics, features == null ? null : features.toArray(), missing);
        }
    }

    /** A plain decimal number, as pandas writes floats: optional sign, digits, point, exponent. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Parsed as pandas then {@code torch.float32} would: to double, then rounded to float. */
    private static float parseFeature(String text, String file, long line, String column) throws DataFileException {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) {
            throw new DataFileException(file, line, column, "not a number: '" + abbreviate(text) + "'");
        }
        float v = (float) Double.parseDouble(t);
        if (!Float.isFinite(v)) throw new DataFileException(file, line, column, "number out of float range: '" + abbreviate(text) + "'");
        return v;
    }

    private static String describe(List<String> names) {
        if (names.size() <= 8) return "columns " + names;
        return names.size() + " columns, starting " + names.subList(0, 8);
    }

    private static String cleanMessage(RuntimeException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replaceFirst("^\\((startline|line) \\d+\\) ", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[1024];
        private int n;
        void add(int v) { if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n); a[n++] = v; }
        int size() { return n; }
        int[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;
        void add(float v) { if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n); a[n++] = v; }
        float[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
