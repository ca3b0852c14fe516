package canto.genre.data;

import java.util.Arrays;
import java.util.List;

/**
 * Each song as a bag of distinct n-gram buckets with one weight each, in the layout
 * {@code EmbeddingBag} takes (PyTorch's offsets convention): song s owns
 * {@code ids[start[s] .. start[s+1])} (ascending) and the same range of {@code weights}.
 *
 * <p>Weights ({@link Pooling}) come from the bucket counts c of the song and, for TF-IDF, the
 * inverse document frequencies of the <b>training songs only</b> ({@link #idf}): scikit-learn's
 * {@code TfidfVectorizer(sublinear_tf=True)}, i.e. {@code (1 + ln c) · idf}, then scaled to
 * unit L2 norm per song. Buckets that no training song has, or fewer than {@code min_df} (idf 0),
 * are left out of every bag: their embedding rows were never (or hardly) trained.
 */
public final class NgramBags {
    /** How a song's bucket counts become weights. */
    public enum Pooling {
        /** {@code (1 + ln c) · idf}, L2-normalised per song. */
        TFIDF,
        /** {@code c / (total count)}: the mean of the n-gram embeddings, as fastText pools. */
        MEAN;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

        public static Pooling byId(String id) {
            for (Pooling p : values()) if (p.id().equals(id)) return p;
            return null;
        }
    }

    /** Distinct buckets and their counts per song, before weighting. */
    public record Counts(int[] start, int[] ids, int[] counts, int buckets) {
        public int songs() { return start.length - 1; }
    }

    private final int[] start;     // [songs + 1]
    private final int[] ids;       // [start[songs]]
    private final float[] weights; // [start[songs]]

    private NgramBags(int[] start, int[] ids, float[] weights) {
        this.start = start;
        this.ids = ids;
        this.weights = weights;
    }

    public int songs() { return start.length - 1; }
    public int[] start() { return start; }
    public int[] ids() { return ids; }
    public float[] weights() { return weights; }

    /** The bucket counts of every song of {@code lyrics}. */
    public static Counts count(TokenizedLyrics lyrics, NgramHasher hasher) {
        long[] typeHash = NgramHasher.typeHashes(lyrics);
        int[][] typeChars = hasher.hasCharNgrams() ? new int[lyrics.typeCount()][] : null;
        if (typeChars != null) for (int t = 0; t < typeChars.length; t++) typeChars[t] = hasher.charBuckets(lyrics.type(t));
        int[][] chars = new int[0][];
        int songs = lyrics.songs();
        int[][] perSongIds = new int[songs][];
        int[][] perSongCounts = new int[songs][];
        int total = 0;
        long[] h = new long[0];
        for (int s = 0; s < songs; s++) {
            int[] song = lyrics.song(s);
            if (h.length < song.length) h = new long[Math.max(song.length, 2 * h.length)];
            if (typeChars != null && chars.length < song.length) chars = new int[h.length][];
            for (int i = 0; i < song.length; i++) {
                h[i] = typeHash[song[i]];
                if (typeChars != null) chars[i] = typeChars[song[i]];
            }
            int[][] distinct = distinct(hasher.buckets(h, typeChars != null ? chars : null, song.length));
            perSongIds[s] = distinct[0];
            perSongCounts[s] = distinct[1];
            total += distinct[0].length;
        }
        int[] start = new int[songs + 1], ids = new int[total], counts = new int[total];
        for (int s = 0; s < songs; s++) {
            start[s + 1] = start[s] + perSongIds[s].length;
            System.arraycopy(perSongIds[s], 0, ids, start[s], perSongIds[s].length);
            System.arraycopy(perSongCounts[s], 0, counts, start[s], perSongCounts[s].length);
        }
        return new Counts(start, ids, counts, hasher.rows());
    }

    /** The counts of one song given by its tokens (prediction on new text). */
    public static Counts count(List<String> tokens, NgramHasher hasher) {
        int[][] chars = null;
        if (hasher.hasCharNgrams()) {
            chars = new int[tokens.size()][];
            for (int i = 0; i < chars.length; i++) chars[i] = hasher.charBuckets(tokens.get(i));
        }
        int[][] d = distinct(hasher.buckets(NgramHasher.hashes(tokens), chars, tokens.size()));
        return new Counts(new int[] {0, d[0].length}, d[0], d[1], hasher.rows());
    }

    /** {ascending distinct values, their counts}. */
    static int[][] distinct(int[] buckets) {
        int[] sorted = buckets.clone();
        Arrays.sort(sorted);
        int k = 0;
        int[] ids = new int[sorted.length], counts = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (k > 0 && ids[k - 1] == sorted[i]) counts[k - 1]++;
            else { ids[k] = sorted[i]; counts[k++] = 1; }
        }
        return new int[][] {Arrays.copyOf(ids, k), Arrays.copyOf(counts, k)};
    }

    /**
     * scikit-learn's smooth idf from the songs {@code rows}: {@code ln((1 + N) / (1 + df)) + 1}
     * for a bucket in df of the N songs, 0 for a bucket in fewer than {@code minDf} of them
     * (scikit-learn's {@code min_df}; at least 1).
     */
    public static float[] idf(Counts c, int[] rows, int minDf) {
        int[] df = new int[c.buckets()];
        for (int r : rows) for (int i = c.start()[r]; i < c.start()[r + 1]; i++) df[c.ids()[i]]++;
        float[] idf = new float[c.buckets()];
        double n = rows.length;
        for (int b = 0; b < idf.length; b++) idf[b] = df[b] < Math.max(1, minDf) ? 0f : (float) (StrictMath.log((1 + n) / (1 + df[b])) + 1);
        return idf;
    }

    /**
     * Supervised term weighting: {@code idf} (not changed) times {@code KL(f)^beta} for every
     * bucket f with idf above 0, where {@code KL(f) = sum_c p(c|f) ln(p(c|f) / p(c))} is how far
     * the genre mix of the training songs {@code rows} that contain f lies from the genre mix of
     * all of them; {@code p(c|f) = (df_c(f) + alpha p(c)) / (df(f) + alpha)} with {@code alpha = 1}
     * pseudo-song spread by the prior, so a bucket in one or two songs is not taken as certain.
     * A bucket whose songs have the usual genre mix ({@code KL = 0}) gets weight 0 and is left out
     * of the bags. Folding the factor into the idf keeps the model file's {@code idf} buffer the
     * whole per-bucket weight.
     *
     * @param labels genre id of every row (indexed by row number); {@code classes} genres
     */
    public static float[] klWeighted(Counts c, float[] idf, int[] rows, int[] labels, int classes, double beta) {
        if (!(beta > 0)) throw new IllegalArgumentException("KL weighting exponent must be positive: " + beta);
        int buckets = c.buckets();
        int[] dfc = new int[buckets * classes];
        double[] prior = new double[classes];
        for (int r : rows) {
            int y = labels[r];
            prior[y]++;
            for (int i = c.start()[r]; i < c.start()[r + 1]; i++) dfc[c.ids()[i] * classes + y]++;
        }
        for (int k = 0; k < classes; k++) prior[k] /= rows.length;
        final double alpha = 1;
        float[] out = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            if (idf[b] == 0f) continue;
            int df = 0;
            for (int k = 0; k < classes; k++) df += dfc[b * classes + k];
            double kl = 0;
            for (int k = 0; k < classes; k++) {
                if (prior[k] == 0) continue;
                double p = (dfc[b * classes + k] + alpha * prior[k]) / (df + alpha);
                kl += p * StrictMath.log(p / prior[k]);
            }
            out[b] = (float) (idf[b] * StrictMath.pow(Math.max(kl, 0), beta));
        }
        return out;
    }

    /**
     * A weight per kind of n-gram, folded into the idf (so that the model file's {@code idf}
     * buffer stays the whole per-bucket weight and the TF-IDF norm of a song takes it in):
     * buckets {@code b < B} that no word of the training songs {@code rows} hashes to (bigram and
     * trigram buckets) get {@code idf · bigramWeight}, character n-gram buckets ({@code b >= B})
     * {@code idf · charWeight}; word buckets (a collision with a word counts as a word) keep theirs.
     */
    public static float[] groupWeighted(float[] idf, TokenizedLyrics lyrics, int[] rows, NgramHasher hasher, double bigramWeight, double charWeight) {
        if (!(bigramWeight > 0) || !(charWeight > 0)) throw new IllegalArgumentException("n-gram kind weights must be positive: " + bigramWeight + ", " + charWeight);
        long[] typeHash = NgramHasher.typeHashes(lyrics);
        boolean[] word = new boolean[hasher.buckets()];
        for (int r : rows) for (int t : lyrics.song(r)) word[(int) (typeHash[t] % hasher.buckets())] = true;
        float[] out = idf.clone();
        for (int b = 0; b < out.length; b++) {
            if (b >= hasher.buckets()) out[b] = (float) (idf[b] * charWeight);
            else if (!word[b]) out[b] = (float) (idf[b] * bigramWeight);
        }
        return out;
    }

    /** Weighs every song's counts; buckets with idf 0 are dropped (the idf is used by MEAN only for that). */
    public static NgramBags weigh(Counts c, float[] idf, Pooling pooling) {
        int songs = c.songs();
        int[] start = new int[songs + 1];
        int[] ids = new int[c.ids().length];
        float[] weights = new float[ids.length];
        double[] w = new double[0];
        int k = 0;
        for (int s = 0; s < songs; s++) {
            int from = c.start()[s], to = c.start()[s + 1], first = k;
            if (w.length < to - from) w = new double[Math.max(to - from, 2 * w.length)];
            double norm = 0;
            for (int i = from; i < to; i++) {
                int b = c.ids()[i];
                if (idf[b] == 0f) continue;
                double x = pooling == Pooling.TFIDF ? (1 + StrictMath.log(c.counts()[i])) * idf[b] : c.counts()[i];
                ids[k] = b;
                w[k - first] = x;
                norm += pooling == Pooling.TFIDF ? x * x : x;
                k++;
            }
            double denom = pooling == Pooling.TFIDF ? Math.sqrt(norm) : norm;   // divided, as rescore.py does
            for (int i = first; i < k; i++) weights[i] = denom == 0 ? 0f : (float) (w[i - first] / denom);
            start[s + 1] = k;
        }
        return new NgramBags(start, Arrays.copyOf(ids, k), Arrays.copyOf(weights, k));
    }
}
