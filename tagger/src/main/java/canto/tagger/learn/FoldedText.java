package canto.tagger.learn;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text folded for matching tags against titles: NFKC (full-width forms become ASCII), lower
 * case, every whitespace run one space, outer space trimmed, yt-dlp's file-name stand-ins
 * ({@code ⧸ ⧹}) back to {@code / \}. {@link #start} and {@link #end} map each char of the
 * folded text back to the code point of the original it came from (UTF-16 indices).
 */
final class FoldedText {
    final String text;
    private final int[] from;
    private final int[] to;

    private FoldedText(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static FoldedText of(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int[] from = new int[s.length() + 16], to = new int[s.length() + 16];
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT) {
                space = b.length() > 0;
                i = next;
                continue;
            }
            String n = cp == 0x29F8 ? "/" : cp == 0x29F9 ? "\\"
                    : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            for (int k = 0; k <= n.length(); k++) {
                char c;
                if (k == 0) {
                    if (!space) continue;
                    c = ' ';
                } else {
                    c = n.charAt(k - 1);
                    if (c == ' ') continue;
                }
                if (b.length() == from.length) {
                    from = Arrays.copyOf(from, from.length * 2);
                    to = Arrays.copyOf(to, to.length * 2);
                }
                from[b.length()] = i;
                to[b.length()] = k == 0 ? i : next;
                b.append(c);
            }
            space = false;
            i = next;
        }
        return new FoldedText(b.toString(), from, to);
    }

    /** The original's start index of the folded char at {@code k}. */
    int start(int k) { return from[k]; }

    /** The original's end index of the folded char at {@code k}. */
    int end(int k) { return to[k]; }
}
