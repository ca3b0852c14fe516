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
 *
 * <p>Done in one pass over the lower-cased text instead of eleven replacements: each of
 * {@code ' . , ( ) ! ?} is a token of its own, {@code "} is dropped, and {@code ; :}, the tag
 * {@code <br />} and whitespace separate tokens. The tag is matched in the text with its
 * {@code "} dropped (as the replacement after {@code "} → nothing sees it); the spaces the
 * earlier replacements insert can never complete a tag, because the character next to each
 * of them is {@code '} or {@code .}, which the tag does not hold. The test checks this against
 * the replacement chain on tricky and random text and on the real lyrics.
 */
public final class BasicEnglishTokenizer {
    private static final String TAG = "<br />";

    /** Told each token of a text in order, as {@code text[start .. start+length)} (valid during the call only). */
    public interface TokenSink {
        void token(char[] text, int start, int length);
    }

    /** The normalised, split tokens of {@code line}. */
    public List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        tokenize(line, (text, start, length) -> tokens.add(new String(text, start, length)));
        return tokens;
    }

    /** Hands the tokens of {@code line} to {@code sink}, in order, without making strings of them. */
    public void tokenize(String line, TokenSink sink) {
        String s = line.toLowerCase(Locale.ROOT);
        char[] t = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '"') t[n++] = c;
        }
        int start = -1;   // start of the token being read, or -1
        for (int i = 0; i < n; ) {
            char c = t[i];
            if (c == '<' && startsWithTag(t, i, n)) {
                if (start >= 0) { sink.token(t, start, i - start); start = -1; }
                i += TAG.length();
                continue;
            }
            if (isOwnToken(c) || c == ';' || c == ':' || isPythonSpace(c)) {
                if (start >= 0) { sink.token(t, start, i - start); start = -1; }
                if (isOwnToken(c)) sink.token(t, i, 1);
            } else if (start < 0) {
                start = i;
            }
            i++;
        }
        if (start >= 0) sink.token(t, start, n - start);
    }

    /** The characters that the replacements pad with spaces, making each a token. */
    private static boolean isOwnToken(char c) {
        return c == '\'' || c == '.' || c == ',' || c == '(' || c == ')' || c == '!' || c == '?';
    }

    private static boolean startsWithTag(char[] t, int i, int n) {
        if (i + TAG.length() > n) return false;
        for (int k = 0; k < TAG.length(); k++) if (t[i + k] != TAG.charAt(k)) return false;
        return true;
    }

    /** Python 3's {@code str.isspace()} for one UTF-16 unit (all such characters are in the BMP). */
    static boolean isPythonSpace(char c) {
        if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        if (c < 0x85) return false;
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
    }
}
