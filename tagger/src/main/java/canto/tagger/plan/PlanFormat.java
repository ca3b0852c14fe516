package canto.tagger.plan;

import java.util.List;

/**
 * The plan file: UTF-8 text, tab-separated, one header line naming the columns, one row per
 * file, review rows first. No field holds a tab or a line break (they are written as spaces).
 * A field that starts with a double quote is written the way spreadsheets quote it
 * ({@code "..."}, inner quotes doubled), and a field read back in that form is unquoted, so
 * a plan saved by a spreadsheet reads back the same. Readers also accept a byte-order mark,
 * CRLF line ends, UTF-16 with a byte-order mark (a spreadsheet's "Unicode text"), columns in
 * another order, extra columns, and rows whose empty trailing fields were dropped.
 */
final class PlanFormat {
    static final String PATH = "path", ARTIST = "artist", TITLE = "title", CONFIDENCE = "confidence", REVIEW = "review",
            SIZE = "size", MODIFIED = "modified", PARSED_ARTIST = "parsed_artist", PARSED_TITLE = "parsed_title";

    /** The columns in the order they are written. */
    static final List<String> COLUMNS = List.of(PATH, ARTIST, TITLE, CONFIDENCE, REVIEW, SIZE, MODIFIED, PARSED_ARTIST, PARSED_TITLE);

    /** The columns a plan must have (confidence and review are for the reader's eyes only). */
    static final List<String> REQUIRED = List.of(PATH, ARTIST, TITLE, SIZE, MODIFIED, PARSED_ARTIST, PARSED_TITLE);

    static final String YES = "yes", NO = "no";

    private PlanFormat() {}

    /** One field as written: tabs and line breaks become spaces; a leading quote makes it quoted. */
    static String field(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        String t = b.toString();
        return t.startsWith("\"") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    /** One field as read: a quoted field ({@code "..."} with inner quotes doubled) is unquoted; others are as they are. */
    static String unfield(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            String inner = s.substring(1, s.length() - 1);
            if (inner.replace("\"\"", "").indexOf('"') < 0) return inner.replace("\"\"", "\"");
        }
        return s;
    }
}
