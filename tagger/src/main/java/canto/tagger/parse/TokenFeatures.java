package canto.tagger.parse;

import java.util.Arrays;
import java.util.List;

/**
 * The sparse features of every token of one title, hashed into {@code buckets} ids: token
 * {@code t}'s feature ids are {@code ids[offsets[t] .. offsets[t + 1])}. See
 * {@link FeatureExtractor} for what they are.
 */
public final class TokenFeatures {
    final int[] ids;
    final int[] offsets;

    TokenFeatures(int[] ids, int[] offsets) {
        this.ids = ids;
        this.offsets = offsets;
    }

    public int tokens() { return offsets.length - 1; }
    public int size() { return offsets[offsets.length - 1]; }

    /** The ids of token {@code t}, a copy. */
    public int[] of(int t) { return Arrays.copyOfRange(ids, offsets[t], offsets[t + 1]); }

    /** Concatenates the features of several titles (a batch), ids and offsets shifted. */
    static TokenFeatures concat(List<TokenFeatures> parts) {
        int n = 0, t = 0;
        for (TokenFeatures p : parts) { n += p.size(); t += p.tokens(); }
        int[] ids = new int[n], offsets = new int[t + 1];
        int at = 0, tok = 0;
        for (TokenFeatures p : parts) {
            System.arraycopy(p.ids, 0, ids, at, p.size());
            for (int k = 0; k < p.tokens(); k++) offsets[tok + k] = at + p.offsets[k];
            at += p.size();
            tok += p.tokens();
        }
        offsets[t] = at;
        return new TokenFeatures(ids, offsets);
    }
}
