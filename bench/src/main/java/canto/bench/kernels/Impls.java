package canto.bench.kernels;

import canto.engine.kernels.Kernels;
import canto.engine.util.Rng;

/** Helpers shared by the kernel benchmarks: the implementation named by a parameter, seeded data. */
final class Impls {
    private Impls() {}

    /** {@code "scalar"} or {@code "simd"} (the latter needs {@code --add-modules jdk.incubator.vector}). */
    static Kernels of(String impl) {
        switch (impl) {
            case "scalar": return Kernels.scalar();
            case "simd": return Kernels.simd();
            default: throw new IllegalArgumentException("impl must be scalar or simd, not " + impl);
        }
    }

    /** The other implementation, to check that both agree before measuring. */
    static Kernels other(String impl) { return of(impl.equals("simd") ? "scalar" : "simd"); }

    /** n floats uniform in [lo, hi) from a fixed seed. */
    static float[] uniform(long seed, int n, float lo, float hi) {
        Rng rng = new Rng(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.uniform(lo, hi);
        return a;
    }

    /** {@code "8x400x7"} -> {8, 400, 7}. */
    static int[] dims(String spec, int count) {
        String[] parts = spec.split("x");
        if (parts.length != count) throw new IllegalArgumentException("expected " + count + " sizes in '" + spec + "'");
        int[] d = new int[count];
        for (int i = 0; i < count; i++) d[i] = Integer.parseInt(parts[i]);
        return d;
    }

    /** Throws naming the first index where {@code got} and {@code want} differ by more than {@code tol[i]}. */
    static void checkClose(String what, float[] got, float[] want, double[] tol) {
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= tol[i])) {
                throw new IllegalStateException(what + ": implementations disagree at " + i + ": " + got[i] + " vs " + want[i]);
            }
        }
    }

    /** Throws unless the two arrays are bit for bit equal. */
    static void checkSame(String what, float[] got, float[] want) {
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(want[i])) {
                throw new IllegalStateException(what + ": implementations differ at " + i + ": " + got[i] + " vs " + want[i]);
            }
        }
    }
}
