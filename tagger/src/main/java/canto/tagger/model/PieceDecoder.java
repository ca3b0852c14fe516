package canto.tagger.model;

/**
 * Viterbi over the {@link Tag}s that knows what a title is made of: every video names a song,
 * and nearly every one names an artist. The search runs over (tag, which of artist / title has
 * been seen) — 5 × 4 states — with the CRF's emission, transition, start and end scores, and
 * returns the best tag sequence holding both an artist and a title piece, unless the best one
 * with a title but no artist scores more than {@code log(noArtistOdds)} higher (some videos name
 * no artist), or no sequence with a title exists (then the plain best). Stateless.
 */
final class PieceDecoder {
    private static final int L = Tag.COUNT, MASKS = 4, ARTIST = 1, TITLE = 2;

    private PieceDecoder() {}

    private static int bit(int tag) {
        switch (Tag.of(tag).label()) {
            case ARTIST: return ARTIST;
            case TITLE: return TITLE;
            default: return 0;
        }
    }

    /**
     * The decoded tags of {@code e[0, t·5)} into {@code out}; {@code noArtistOdds} how many
     * times more probable a sequence without an artist must be to win.
     */
    static void decode(float[] e, int t, float[] trans, float[] start, float[] end, double noArtistOdds, int[] out) {
        if (t == 0) return;
        int s = L * MASKS;
        double[] best = new double[s], next = new double[s];
        int[] back = new int[t * s];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < L; j++) best[j * MASKS + bit(j)] = (double) start[j] + e[j];
        for (int k = 1; k < t; k++) {
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < L; i++) {
                for (int m = 0; m < MASKS; m++) {
                    double v0 = best[i * MASKS + m];
                    if (v0 == Double.NEGATIVE_INFINITY) continue;
                    for (int j = 0; j < L; j++) {
                        int to = j * MASKS + (m | bit(j));
                        double v = v0 + trans[i * L + j];
                        if (v > next[to]) { next[to] = v; back[k * s + to] = i * MASKS + m; }
                    }
                }
            }
            for (int q = 0; q < s; q++) if (next[q] != Double.NEGATIVE_INFINITY) next[q] += e[k * L + q / MASKS];
            double[] swap = best; best = next; next = swap;
        }
        int both = bestEnd(best, end, ARTIST | TITLE), titleOnly = bestEnd(best, end, TITLE);
        int pick;
        if (both >= 0 && (titleOnly < 0 || score(best, end, titleOnly) - score(best, end, both) <= StrictMath.log(noArtistOdds))) pick = both;
        else if (titleOnly >= 0) pick = titleOnly;
        else {
            pick = 0;
            for (int q = 1; q < s; q++) if (score(best, end, q) > score(best, end, pick)) pick = q;
        }
        for (int k = t - 1; k >= 0; k--) {
            out[k] = pick / MASKS;
            if (k > 0) pick = back[k * s + pick];
        }
    }

    private static double score(double[] best, float[] end, int state) { return best[state] + end[state / MASKS]; }

    private static int bestEnd(double[] best, float[] end, int mask) {
        int arg = -1;
        for (int j = 0; j < L; j++) {
            int q = j * MASKS + mask;
            if (best[q] == Double.NEGATIVE_INFINITY) continue;
            if (arg < 0 || score(best, end, q) > score(best, end, arg)) arg = q;
        }
        return arg;
    }
}
