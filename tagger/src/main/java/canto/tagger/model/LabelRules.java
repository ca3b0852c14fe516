package canto.tagger.model;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import java.util.List;

/**
 * The rules applied on top of the decoded tags, both about the shape of a title rather than
 * about any particular title:
 * <ol>
 *   <li><b>Every video has a song.</b> When no token is tagged title, the content token
 *       (Han, Latin, number ...) tagged other with the highest title probability (its CRF
 *       marginal) becomes a title piece of its own. Likewise, when no token is tagged artist,
 *       the content token with the highest artist probability becomes an artist piece if that
 *       probability is at least {@value #ARTIST_FALLBACK} (some titles name no artist at all).</li>
 *   <li><b>A song title is not broken by a single punctuation mark.</b> A
 *       {@link TokenKind#PUNCT} token (a comma, a middle dot, a full stop) glued between two
 *       title tokens — no whitespace on either side — joins them into one piece, so
 *       {@code 上一站，下一站} and {@code 大丈夫‧2} stay one piece, as the labelled data has
 *       them. Artists are not bridged: two singers separated by punctuation are two pieces.</li>
 * </ol>
 */
final class LabelRules {
    static final float ARTIST_FALLBACK = 0.2f;

    private LabelRules() {}

    /**
     * Mends {@code tags} ({@link Tag} ordinals) in place; {@code marginals} is {@code [T, 5]}
     * row-major (p(tag) per token), or null to skip the fallbacks.
     */
    static void apply(List<Token> tokens, int[] tags, double[] marginals) {
        int n = tokens.size();
        if (marginals != null) {
            fallback(tokens, tags, marginals, TokenLabel.TITLE, 0f);
            fallback(tokens, tags, marginals, TokenLabel.ARTIST, ARTIST_FALLBACK);
        }
        for (int i = 1; i + 1 < n; i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.PUNCT && label(tags[i]) != TokenLabel.TITLE && label(tags[i - 1]) == TokenLabel.TITLE
                    && label(tags[i + 1]) == TokenLabel.TITLE && !t.spaceBefore() && !tokens.get(i + 1).spaceBefore()) {
                tags[i] = Tag.I_TITLE.ordinal();
                tags[i + 1] = Tag.I_TITLE.ordinal();
            }
        }
    }

    static void apply(List<Token> tokens, int[] tags) { apply(tokens, tags, null); }

    private static TokenLabel label(int tag) { return Tag.of(tag).label(); }

    /** When no token has label {@code want}, makes the best content token now tagged other a piece of it. */
    private static void fallback(List<Token> tokens, int[] tags, double[] marginals, TokenLabel want, float min) {
        int c = Tag.COUNT, b = Tag.of(want, true).ordinal(), in = Tag.of(want, false).ordinal();
        int best = -1;
        double bestP = 0;
        for (int i = 0; i < tags.length; i++) {
            if (label(tags[i]) == want) return;
            if (tags[i] != Tag.OTHER.ordinal() || !tokens.get(i).kind().isContent()) continue;
            double p = marginals[i * c + b] + marginals[i * c + in];
            if (best < 0 || p > bestP) { best = i; bestP = p; }
        }
        if (best >= 0 && bestP >= min) tags[best] = b;
    }
}
