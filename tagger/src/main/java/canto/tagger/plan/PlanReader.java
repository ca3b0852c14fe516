package canto.tagger.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a plan file (see {@link PlanFormat}). Every problem is a {@link PlanException} whose
 * message names the file and line ({@code plan.tsv:7: field 'size' is not a whole number: 'x'}).
 */
public final class PlanReader {
    private PlanReader() {}

    public static List<PlanRow> read(Path file) throws PlanException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PlanException(file + ": no such file");
        } catch (IOException e) {
            throw new PlanException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parse(decode(bytes, file), file.toString());
    }

    /** UTF-8 (a byte-order mark allowed), or UTF-16 when it starts with a UTF-16 byte-order mark. */
    static String decode(byte[] bytes, Path file) throws PlanException {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) { cs = StandardCharsets.UTF_16LE; skip = 2; }
        else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) { cs = StandardCharsets.UTF_16BE; skip = 2; }
        else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) skip = 3;
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new PlanException(file + ": not UTF-8 text (save the plan as UTF-8)");
        }
    }

    static List<PlanRow> parse(String text, String name) throws PlanException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length == 0 || lines[0].isBlank()) throw new PlanException(name + ":1: no header line; a plan starts with " + header());
        String[] head = lines[0].split("\t", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < head.length; i++) {
            String h = PlanFormat.unfield(head[i].strip()).toLowerCase(Locale.ROOT);
            if (col.putIfAbsent(h, i) != null && PlanFormat.COLUMNS.contains(h)) {
                throw new PlanException(name + ":1: column '" + h + "' appears twice");
            }
        }
        for (String c : PlanFormat.REQUIRED) {
            if (!col.containsKey(c)) throw new PlanException(name + ":1: the header lacks the column '" + c + "'; a plan starts with " + header());
        }
        List<PlanRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int ln = 1; ln < lines.length; ln++) {
            if (lines[ln].isBlank()) continue;
            String where = name + ":" + (ln + 1);
            String[] f = lines[ln].split("\t", -1);
            PlanRow row = row(f, col, where);
            Integer before = seen.putIfAbsent(row.path(), ln + 1);
            if (before != null) throw new PlanException(where + ": the file " + row.path() + " is already planned on line " + before);
            rows.add(row);
        }
        return rows;
    }

    private static PlanRow row(String[] f, Map<String, Integer> col, String where) throws PlanException {
        String path = get(f, col, PlanFormat.PATH);
        if (path.isBlank()) throw new PlanException(where + ": field 'path' is empty");
        String sizeText = get(f, col, PlanFormat.SIZE).strip();
        long size;
        try {
            size = Long.parseLong(sizeText);
            if (size < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new PlanException(where + ": field 'size' is not a whole number of bytes: '" + sizeText + "'");
        }
        String modText = get(f, col, PlanFormat.MODIFIED).strip();
        Instant modified;
        try {
            modified = Instant.parse(modText);
        } catch (DateTimeParseException e) {
            throw new PlanException(where + ": field 'modified' is not a time like 2026-12-02T17:10:16.123456Z: '" + modText + "'");
        }
        double confidence = Double.NaN;
        if (col.containsKey(PlanFormat.CONFIDENCE)) {
            String c = get(f, col, PlanFormat.CONFIDENCE).strip();
            try {
                if (!c.isEmpty()) confidence = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                confidence = Double.NaN; // informative only
            }
        }
        boolean review = col.containsKey(PlanFormat.REVIEW) && get(f, col, PlanFormat.REVIEW).strip().equalsIgnoreCase(PlanFormat.YES);
        return new PlanRow(path, get(f, col, PlanFormat.ARTIST), get(f, col, PlanFormat.TITLE), confidence, review, size, modified,
                get(f, col, PlanFormat.PARSED_ARTIST), get(f, col, PlanFormat.PARSED_TITLE));
    }

    /** The field of column {@code name}; empty when the row is shorter (spreadsheets drop empty trailing fields). */
    private static String get(String[] f, Map<String, Integer> col, String name) {
        int i = col.get(name);
        return i < f.length ? PlanFormat.unfield(f[i]) : "";
    }

    private static String header() {
        return String.join("<TAB>", PlanFormat.COLUMNS);
    }
}
