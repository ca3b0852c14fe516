package canto.engine.kernels;

import java.util.Arrays;

/**
 * Run in a child JVM by {@link KernelsChoiceJvmTest}: prints what the provider chose there
 * ({@code kernels=simd fma=true lanes=16 adamTwinsIdentical=true}), after asking three times.
 */
public final class KernelsProbe {
    private KernelsProbe() {}

    public static void main(String[] args) {
        Kernels k = Kernels.get();
        Kernels.get();
        Kernels.get();
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        String lanes = "none";
        String identical = "untested";
        if (vector && k.name().equals("simd")) {
            lanes = Integer.toString(SimdSpecies.L);
            float[] g = new float[301], p1 = new float[301], m1 = new float[301], v1 = new float[301];
            for (int i = 0; i < g.length; i++) { g[i] = (i % 17 - 8) / 9f; p1[i] = (i % 5 - 2) / 3f; }
            float[] p2 = p1.clone(), m2 = m1.clone(), v2 = v1.clone();
            Kernels scalar = Kernels.scalar();
            for (int step = 0; step < 3; step++) {
                k.adamStep(p1, g, m1, v1, 0, g.length, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.04f, 1e-2f);
                scalar.adamStep(p2, g, m2, v2, 0, g.length, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.04f, 1e-2f);
            }
            identical = Boolean.toString(Arrays.equals(p1, p2) && Arrays.equals(m1, m2) && Arrays.equals(v1, v2));
        }
        System.out.println("kernels=" + k.name() + " fma=" + Fma.FAST + " lanes=" + lanes + " adamTwinsIdentical=" + identical);
    }
}
