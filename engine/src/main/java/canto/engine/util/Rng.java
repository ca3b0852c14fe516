package canto.engine.util;

/**
 * The engine's only source of randomness: SplitMix64, seeded explicitly.
 *
 * <p>Its output is fixed by its seed on every JDK and platform, unlike
 * {@code java.util.Random}'s gaussian caching or the JDK 17 {@code RandomGenerator} factories.
 * Every stochastic thing (initialisation, dropout masks, shuffles) takes an {@code Rng}, so one
 * seed reproduces a whole run.
 */
public final class Rng {
    private long state;
    private double spareGaussian = Double.NaN;

    public Rng(long seed) { this.state = seed; }

    /** The SplitMix64 increment: the state advances by this much per output. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    public long nextLong() { return mix(state += GOLDEN_GAMMA); }

    /** SplitMix64's output function of a state. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Reserves the next {@code n} outputs for a kernel that computes them itself: returns the
     * current state s and advances past them. Output i (from 0) is
     * {@code mix(s + (i + 1) · GOLDEN_GAMMA)}, exactly what {@link #nextLong()} would have
     * returned; see {@code Kernels.dropoutMask}.
     */
    public long reserve(int n) {
        long s = state;
        state += n * GOLDEN_GAMMA;
        return s;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() { return (nextLong() >>> 40) * 0x1.0p-24f; }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /** Uniform in [lo, hi). */
    public float uniform(float lo, float hi) { return lo + (hi - lo) * nextFloat(); }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        long r = nextLong() >>> 33; // 31 bits
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (r >= limit) r = nextLong() >>> 33;
        return (int) (r % bound);
    }

    /** Standard normal (Box-Muller, both values used). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u1;
        do { u1 = nextDouble(); } while (u1 <= 0.0);
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * StrictMath.log(u1));
        spareGaussian = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }

    /** Fisher-Yates shuffle of {@code a}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    /** A new generator whose stream is independent of this one's (for a sub-component). */
    public Rng split() { return new Rng(nextLong()); }

    /**
     * Generator {@code s} of a family rooted at this one's present state, without advancing
     * this one: {@code s = 0} is a copy (the same outputs this generator would give from here);
     * {@code s >= 1} is what the s-th {@link #split()} of such a copy would return. Dropout
     * gives each {@code Workspace} stream its own generator so.
     */
    public Rng stream(long s) {
        if (s < 0) throw new IllegalArgumentException("stream must be >= 0: " + s);
        if (s == 0) {
            Rng copy = new Rng(state);
            copy.spareGaussian = spareGaussian;
            return copy;
        }
        return new Rng(mix(state + s * GOLDEN_GAMMA));
    }
}
