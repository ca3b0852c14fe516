package canto.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species of every SIMD kernel, and its FMA. {@code -Dcanto.vectorBits=128|256|512}
 * narrows it below the machine's preferred width (llama3.java's {@code VectorBitSize}), so the
 * 4- and 8-lane paths run in tests on a 16-lane machine; wider than the machine is an error.
 */
final class SimdSpecies {
    static final VectorSpecies<Float> S = choose();
    static final int L = S.length();

    private SimdSpecies() {}

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
