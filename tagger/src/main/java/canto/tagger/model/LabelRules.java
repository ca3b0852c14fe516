package canto.tagger.model;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import java.util.List;

/**
 * The rules applied on top of the classifier's labels, both about the shape of a title rather
 * than about any particular title:
 * <ol>
 *   <li><b>Every video has a song.</b> When no token is labelled title, the content token
 *       (Han, Latin, number ...) not labelled artist with the highest title probability becomes
 *       the title. Likewise, when no token is labelled artist, the content token with the
 *       highest artist probability becomes the artist if that probability is at least
 *       {@value #ARTIST_FALLBACK} (some titles name no artist at all).</li>
 *   <li><b>A song title is not broken by a single punctuation mark.</b> A
 *       {@link TokenKind#PUNCT} token (a comma, a middle dot, a full stop) glued between two
 *       title tokens — no whitespace on either side — becomes title too, so {@code 上一站，下一站}
 *       and {@code 大丈夫‧2} stay one piece, as the labelled data has them. Artists are not
 *       bridged: two singers separated by punctuation are two pieces.</li>
 * </ol>
 */
final class LabelRules {
    static final float ARTIST_FALLBACK = 0.2f;

    private LabelRules() {}

    /** Mends {@code labels} in place; {@code probs} is {@code [T, 3]} row-major, or null to skip the fallbacks. */
    static void apply(List<Token> tokens, int[] labels, float[] probs) {
        int n = tokens.size();
        int title = TokenLabel.TITLE.ordinal(), artist = TokenLabel.ARTIST.ordinal(), other = TokenLabel.OTHER.ordinal();
        if (probs != null) {
            fallback(tokens, labels, probs, title, other, 0f);
            fallback(tokens, labels, probs, artist, other, ARTIST_FALLBACK);
        }
        for (int i = 1; i + 1 < n; i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.PUNCT && labels[i] != title && labels[i - 1] == title && labels[i + 1] == title
                    && !t.spaceBefore() && !tokens.get(i + 1).spaceBefore()) {
                labels[i] = title;
            }
        }
    }

    static void apply(List<Token> tokens, int[] labels) { apply(tokens, labels, null); }

    /** When no token has label {@code want}, gives it to the best content token now labelled {@code from}. */
    private static void fallback(List<Token> tokens, int[] labels, float[] probs, int want, int from, float min) {
        int best = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == want) return;
            if (labels[i] == from && tokens.get(i).kind().isContent()
                    && (best < 0 || probs[i * 3 + want] > probs[best * 3 + want])) {
                best = i;
            }
        }
        if (best >= 0 && probs[best * 3 + want] >= min) labels[best] = want;
    }
}
