package canto.tagger.features;

import canto.tagger.model.Pieces;
import canto.tagger.tokens.Bracket;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import java.util.List;

/**
 * The published method's token features (Adrian Tam, "Parsing Cantopop titles by machine
 * learning", 2019), reconstructed: 14 hand-made positional numbers per token, no context
 * beyond what they encode and no text. The blog describes features of this sort (position,
 * script, length, brackets, dash); the exact list here is our faithful reading of it:
 * <ol>
 *   <li>relative position {@code i / (n - 1)}</li>
 *   <li>is the first token</li>
 *   <li>is the last token</li>
 *   <li>is Han</li>
 *   <li>is Latin</li>
 *   <li>is a number</li>
 *   <li>is punctuation, a bracket, a dash or a symbol</li>
 *   <li>length in code points / 10, at most 1</li>
 *   <li>inside 《》</li>
 *   <li>inside 【】 or []</li>
 *   <li>inside ()</li>
 *   <li>inside 「」, '' or ""</li>
 *   <li>before the first dash (when there is one)</li>
 *   <li>after the first dash</li>
 * </ol>
 */
public final class BaselineFeatures {
    public static final int COUNT = 14;

    private BaselineFeatures() {}

    /** {@code [T, 14]} row-major. */
    public static float[] of(List<Token> toks) {
        int n = toks.size();
        float[] x = new float[n * COUNT];
        TitleLayout lay = TitleLayout.of(toks);
        int firstDash = -1;
        for (int i = 0; i < n && firstDash < 0; i++) if (toks.get(i).kind() == TokenKind.DASH) firstDash = i;
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            int o = i * COUNT;
            x[o] = n == 1 ? 0 : (float) i / (n - 1);
            x[o + 1] = i == 0 ? 1 : 0;
            x[o + 2] = i == n - 1 ? 1 : 0;
            x[o + 3] = t.kind() == TokenKind.HAN ? 1 : 0;
            x[o + 4] = t.kind() == TokenKind.LATIN ? 1 : 0;
            x[o + 5] = t.kind() == TokenKind.NUMBER ? 1 : 0;
            x[o + 6] = t.kind().isContent() ? 0 : 1;
            x[o + 7] = Math.min(1f, t.codePoints() / 10f);
            x[o + 8] = inside(toks, lay, i, Bracket.BOOK) ? 1 : 0;
            x[o + 9] = inside(toks, lay, i, Bracket.LENTICULAR) || inside(toks, lay, i, Bracket.SQUARE) ? 1 : 0;
            x[o + 10] = inside(toks, lay, i, Bracket.PAREN) ? 1 : 0;
            x[o + 11] = inside(toks, lay, i, Bracket.CORNER) || inside(toks, lay, i, Bracket.SINGLE_QUOTE)
                    || inside(toks, lay, i, Bracket.DOUBLE_QUOTE) ? 1 : 0;
            x[o + 12] = firstDash >= 0 && i < firstDash ? 1 : 0;
            x[o + 13] = firstDash >= 0 && i > firstDash ? 1 : 0;
        }
        return x;
    }

    /** True when token i lies inside a bracket of family {@code b} at any depth. */
    private static boolean inside(List<Token> toks, TitleLayout lay, int i, Bracket b) {
        for (int o = lay.openAt[i]; o >= 0; o = lay.openAt[o]) if (toks.get(o).bracket() == b) return true;
        return false;
    }
}
