package canto.tagger.features;

import canto.tagger.model.Pieces;
import canto.tagger.tokens.Bracket;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import java.util.List;

/**
 * Where each token of a title stands: bracket nesting, dashes and content tokens around it.
 * Computed once per title for the feature extractors. Bracket families are
 * {@link Bracket} ordinals ({@code 0} = none).
 */
final class TitleLayout {
    final int n;
    final int[] depth, inner, outer, openAt, closeAt;
    final int[] dashBefore, dashAfter, contentBefore, contentAfter, sameBefore, sameAfter;
    final int[] prevContent, nextContent;
    final int contentTotal;
    private final List<Token> toks;

    private TitleLayout(List<Token> toks) {
        this.toks = toks;
        n = toks.size();
        depth = new int[n]; inner = new int[n]; outer = new int[n]; openAt = new int[n]; closeAt = new int[n];
        dashBefore = new int[n]; dashAfter = new int[n]; contentBefore = new int[n]; contentAfter = new int[n];
        sameBefore = new int[n]; sameAfter = new int[n]; prevContent = new int[n]; nextContent = new int[n];
        // bracket nesting: a stack of open-token indices
        int[] stack = new int[n];
        int sp = 0;
        int[] matchOf = new int[n];
        java.util.Arrays.fill(matchOf, -1);
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            if (t.kind() == TokenKind.CLOSE) {
                int k = sp - 1;
                while (k >= 0 && toks.get(stack[k]).bracket() != t.bracket()) k--;
                if (k >= 0) {
                    for (int q = k; q < sp; q++) matchOf[stack[q]] = i; // unclosed inner brackets end here
                    sp = k;
                }
            }
            depth[i] = sp;
            openAt[i] = sp == 0 ? -1 : stack[sp - 1];
            inner[i] = sp == 0 ? 0 : toks.get(stack[sp - 1]).bracket().ordinal();
            outer[i] = sp == 0 ? 0 : toks.get(stack[0]).bracket().ordinal();
            if (t.kind() == TokenKind.OPEN) stack[sp++] = i;
        }
        for (int i = 0; i < n; i++) {
            int o = openAt[i];
            closeAt[i] = o < 0 ? -1 : matchOf[o] < 0 ? n : matchOf[o];
        }
        int dashes = 0, content = 0, last = -1;
        int[] sameSeen = new int[TokenKind.values().length];
        for (int i = 0; i < n; i++) {
            TokenKind k = toks.get(i).kind();
            dashBefore[i] = dashes;
            contentBefore[i] = content;
            sameBefore[i] = sameSeen[k.ordinal()]++;
            prevContent[i] = last;
            if (k == TokenKind.DASH) dashes++;
            if (k.isContent()) { content++; last = i; }
        }
        contentTotal = content;
        dashes = 0; content = 0; last = -1;
        java.util.Arrays.fill(sameSeen, 0);
        for (int i = n - 1; i >= 0; i--) {
            TokenKind k = toks.get(i).kind();
            dashAfter[i] = dashes;
            contentAfter[i] = content;
            sameAfter[i] = sameSeen[k.ordinal()]++;
            nextContent[i] = last;
            if (k == TokenKind.DASH) dashes++;
            if (k.isContent()) { content++; last = i; }
        }
    }

    static TitleLayout of(List<Token> toks) { return new TitleLayout(toks); }

    /** How many tokens of kind {@code k} the title has. */
    int sameKindTotal(TokenKind k) {
        for (int i = 0; i < n; i++) if (toks.get(i).kind() == k) return sameBefore[i] + sameAfter[i] + 1;
        return 0;
    }

    /**
     * What lies strictly between tokens {@code a} and {@code b} ({@code a < b}; either may be
     * -1 for "none"): 0 nothing or only whitespace, else 1 + the ordinal of the strongest
     * separating kind (dash over bracket over separator over punctuation).
     */
    int barrier(int a, int b) {
        if (a < 0 || b < 0) return 0;
        int best = 0;
        for (int j = a + 1; j < b; j++) {
            int rank;
            switch (toks.get(j).kind()) {
                case DASH: rank = 5; break;
                case OPEN: rank = 4; break;
                case CLOSE: rank = 3; break;
                case SEPARATOR: rank = 2; break;
                default: rank = 1; break;
            }
            best = Math.max(best, rank);
        }
        return best;
    }
}
