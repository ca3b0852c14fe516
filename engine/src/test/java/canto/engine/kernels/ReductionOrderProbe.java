package canto.engine.kernels;

import java.util.Arrays;

/**
 * Run in a child JVM by {@link ReductionOrderJvmTest}: the SIMD products that end in a lane sum
 * (the dot-product tiles of {@code matmulNT}, and {@code matmulNN} with a narrow output, which
 * transposes B and uses the same tiles), computed once cold (the first calls run in the
 * interpreter) and again after enough calls for the JIT to compile them. Prints
 * {@code lanes=16 cold=<nt hash>,<nn hash> warm=<nt hash>,<nn hash>}, hashes of the result bits.
 */
public final class ReductionOrderProbe {
    private ReductionOrderProbe() {}

    public static void main(String[] args) {
        int warmCalls = Integer.parseInt(args[0]);
        Kernels simd = Kernels.get();
        if (!simd.name().equals("simd")) throw new IllegalStateException("run with -Dcanto.kernels=simd, got " + simd.name());
        String cold = hashes(simd);
        for (int i = 0; i < warmCalls; i++) hashes(simd);
        String warm = hashes(simd);
        System.out.println("lanes=" + SimdSpecies.L + " cold=" + cold + " warm=" + warm);
    }

    private static float[] fill(int n, int seed) {
        float[] x = new float[n];
        int s = seed;
        for (int i = 0; i < n; i++) {
            s = s * 1103515245 + 12345;
            x[i] = ((s >>> 8) % 20001 - 10000) / 3777f;   // sums that round
        }
        return x;
    }

    private static final int K = 4 * SimdSpecies.L + 3;   // k >= 2L: the dot-product tiles, with a tail
    private static final float[] A = fill(9 * K, 1), B = fill(11 * K, 2), NN_B = fill(K * 5, 3);

    /** Hashes of the bits of {@code matmulNT [9,K]·[11,K]ᵀ} and {@code matmulNN [4,K]·[K,5]}. */
    static String hashes(Kernels k) {
        float[] nt = new float[9 * 11];
        k.matmulNT(A, 0, B, 0, nt, 0, 9, 11, K);    // 4x4, 4x2, 4x1, 1x4 tiles and single dots
        float[] nn = new float[4 * 5];
        k.matmulNN(A, 0, NN_B, 0, nn, 0, 4, 5, K);  // n < 2L, k >= 2L: B transposed, then dot tiles
        return Integer.toHexString(Arrays.hashCode(nt)) + "," + Integer.toHexString(Arrays.hashCode(nn));
    }
}
