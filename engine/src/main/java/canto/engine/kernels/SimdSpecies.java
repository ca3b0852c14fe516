package canto.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species of every SIMD kernel, its FMA and its lane sum. {@code -Dcanto.vectorBits=128|256|512}
 * narrows it below the machine's preferred width (llama3.java's {@code VectorBitSize}), so the
 * 4- and 8-lane paths run in tests on a 16-lane machine; wider than the machine is an error.
 */
final class SimdSpecies {
    static final VectorSpecies<Float> S = choose();
    static final int L = S.length();

    private SimdSpecies() {}

    /** A per-thread array of {@code 16 · L} floats for the lane sums: fetch it once per kernel call. */
    static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[16 * L]);

    /**
     * The sum of the {@code L} lanes of a vector stored at {@code t[off]}, always in the same
     * order: from lane 0 up, starting at 0. The kernels store each accumulator with
     * {@code intoArray} and add its lanes here, instead of {@code reduceLanes(ADD)}, whose order
     * the Vector API leaves open: on JDK 25 the compiled reduction adds the lanes as a tree while
     * the interpreter (and JDK 17's C2) adds them in sequence, so the same call gave other last
     * bits once it was compiled ({@code ReductionOrderJvmTest}). This is the sequential order, so
     * on JDK 17 the results are the bits they were. The store stays in the kernel: a helper
     * taking a {@code FloatVector} that C2 does not inline makes it box the vector, 2-30x slower
     * (measured with {@code lane(i)} and {@code rearrange} trees).
     */
    static float sumLanes(float[] t, int off) {
        float s = 0f;
        for (int l = 0; l < L; l++) s += t[off + l];
        return s;
    }

    private static VectorSpecies<Float> choose() {
        String bits = System.getProperty("canto.vectorBits", "").trim();
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        if (bits.isEmpty()) return preferred;
        int b;
        try {
            b = Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            b = -1;
        }
        if (b != 128 && b != 256 && b != 512) throw new IllegalStateException("-Dcanto.vectorBits must be 128, 256 or 512, not '" + bits + "'");
        if (b > preferred.vectorBitSize()) {
            throw new IllegalStateException("-Dcanto.vectorBits=" + b + " is wider than this machine's " + preferred.vectorBitSize() + "-bit vectors");
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(b));
    }

    /** {@code a · b + c} per lane: fused when {@link Fma#FAST}, else a multiply and an add. */
    static FloatVector fma(FloatVector a, FloatVector b, FloatVector c) {
        return Fma.FAST ? a.fma(b, c) : a.mul(b).add(c);
    }
}
