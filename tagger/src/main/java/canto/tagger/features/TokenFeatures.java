package canto.tagger.features;

import java.util.Arrays;
import java.util.List;

/**
 * The sparse features of every token of one title, hashed into {@code buckets} ids: token
 * {@code t}'s feature ids are {@code ids[offsets[t] .. offsets[t + 1])}. See
 * {@link FeatureExtractor} for what they are.
 */
public final class TokenFeatures {
    private final int[] ids;
    private final int[] offsets;

    /** Token {@code t}'s feature ids are {@code ids[offsets[t] .. offsets[t + 1])}; the arrays are kept, not copied. */
    public TokenFeatures(int[] ids, int[] offsets) {
        this.ids = ids;
        this.offsets = offsets;
    }

    /** The feature ids of every token, back to back: the backing array, not a copy (do not change it). */
    public int[] ids() { return ids; }

    /** Token {@code t}'s ids start at {@code offsets()[t]}; {@code tokens() + 1} entries. The backing array, not a copy. */
    public int[] offsets() { return offsets; }

    public int tokens() { return offsets.length - 1; }
    public int size() { return offsets[offsets.length - 1]; }

    /** The ids of token {@code t}, a copy. */
    public int[] of(int t) { return Arrays.copyOfRange(ids, offsets[t], offsets[t + 1]); }

    /** Concatenates the features of several titles (a batch), ids and offsets shifted. */
    public static TokenFeatures concat(List<TokenFeatures> parts) {
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
