package canto.tagger.model;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import canto.tagger.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins labelled tokens into pieces, the way the labelled data was made: consecutive tokens
 * with the same label (artist or title) form one piece, whose text is the title substring
 * from the first token's start to the last token's end (inner whitespace kept as written).
 * A piece with no letter, digit or ideograph (a lone {@code ·} or dash) is dropped.
 */
public final class Pieces {
    private Pieces() {}

    /** The pieces labelled {@code wanted}, in title order. */
    public static List<String> of(String text, List<Token> tokens, int[] labels, TokenLabel wanted) {
        List<String> out = new ArrayList<>(2);
        int w = wanted.ordinal();
        int i = 0, n = tokens.size();
        while (i < n) {
            if (labels[i] != w) { i++; continue; }
            int j = i;
            boolean content = false;
            while (j < n && labels[j] == w) {
                content |= tokens.get(j).kind().isContent();
                j++;
            }
            if (content) out.add(text.substring(tokens.get(i).start(), tokens.get(j - 1).end()));
            i = j;
        }
        return out;
    }

    /**
     * The pieces labelled {@code wanted} from {@link Tag}s: a piece starts at a begin tag, or at
     * an inside tag that does not follow a tag of its label, and goes on over the inside tags
     * of its label. Its text runs from its first token's start to its last token's end.
     */
    public static List<String> ofTags(String text, List<Token> tokens, int[] tags, TokenLabel wanted) {
        List<String> out = new ArrayList<>(2);
        int i = 0, n = tokens.size();
        while (i < n) {
            if (Tag.of(tags[i]).label() != wanted) { i++; continue; }
            int j = i + 1;
            boolean content = tokens.get(i).kind().isContent();
            while (j < n && Tag.of(tags[j]).label() == wanted && !Tag.of(tags[j]).begins()) {
                content |= tokens.get(j).kind().isContent();
                j++;
            }
            if (content) out.add(text.substring(tokens.get(i).start(), tokens.get(j - 1).end()));
            i = j;
        }
        return out;
    }

    /** Collapses every whitespace run to one space and trims: the comparison form of a piece. */
    public static String normaliseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Tokenizer.isSpace(cp)) { space = sb.length() > 0; continue; }
            if (space) sb.append(' ');
            space = false;
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
