package canto.genre.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * torchtext's {@code get_tokenizer("basic_english")}: lower-case, then these replacements in
 * order — {@code '} → {@code " '  "}, {@code "} → nothing, {@code .} → {@code " . "},
 * {@code <br />} → {@code " "}, {@code ,} → {@code " , "}, {@code (} → {@code " ( "},
 * {@code )} → {@code " ) "}, {@code !} → {@code " ! "}, {@code ?} → {@code " ? "},
 * {@code ;} → {@code " "}, {@code :} → {@code " "} — then split on runs of whitespace
 * (Python's {@code str.split()}: no empty tokens).
 *
 * <p>Whitespace is what Python's {@code str.isspace()} and {@code \s} call whitespace.
 */
public final class BasicEnglishTokenizer {
    private static final String[][] REPLACEMENTS = {
        {"'", " '  "}, {"\"", ""}, {".", " . "}, {"<br />", " "}, {",", " , "}, {"(", " ( "},
        {")", " ) "}, {"!", " ! "}, {"?", " ? "}, {";", " "}, {":", " "},
    };

    /** The normalised, split tokens of {@code line}. */
    public List<String> tokenize(String line) {
        String s = line.toLowerCase(Locale.ROOT);
        for (String[] r : REPLACEMENTS) {
            if (s.contains(r[0])) s = s.replace(r[0], r[1]);
        }
        List<String> tokens = new ArrayList<>();
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && isPythonSpace(s.charAt(i))) i++;
            int start = i;
            while (i < n && !isPythonSpace(s.charAt(i))) i++;
            if (i > start) tokens.add(s.substring(start, i));
        }
        return tokens;
    }

    /** Python 3's {@code str.isspace()} for one UTF-16 unit (all such characters are in the BMP). */
    static boolean isPythonSpace(char c) {
        if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        if (c < 0x85) return false;
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
    }
}
