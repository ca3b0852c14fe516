package canto.genre.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * basic_english written as torchtext writes it (eleven replacements in order, then a split):
 * the reference {@link BasicEnglishTokenizer}'s one pass is checked against.
 */
final class ReplacementChainTokenizer {
    private static final String[][] REPLACEMENTS = {
        {"'", " '  "}, {"\"", ""}, {".", " . "}, {"<br />", " "}, {",", " , "}, {"(", " ( "},
        {")", " ) "}, {"!", " ! "}, {"?", " ? "}, {";", " "}, {":", " "},
    };

    List<String> tokenize(String line) {
        String s = line.toLowerCase(Locale.ROOT);
        for (String[] r : REPLACEMENTS) s = s.replace(r[0], r[1]);
        List<String> tokens = new ArrayList<>();
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && BasicEnglishTokenizer.isPythonSpace(s.charAt(i))) i++;
            int start = i;
            while (i < n && !BasicEnglishTokenizer.isPythonSpace(s.charAt(i))) i++;
            if (i > start) tokens.add(s.substring(start, i));
        }
        return tokens;
    }
}
