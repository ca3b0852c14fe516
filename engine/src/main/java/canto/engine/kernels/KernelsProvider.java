package canto.engine.kernels;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;

/**
 * Chooses the kernels once, when first asked (the Lucene pattern).
 *
 * <ol>
 *   <li>{@code -Dcanto.kernels=scalar} forces the scalar kernels, {@code =simd} demands SIMD
 *       (an error if the vector module is missing).</li>
 *   <li>Otherwise SIMD is used when {@code jdk.incubator.vector} is in the boot layer (the
 *       JVM was started with {@code --add-modules jdk.incubator.vector}) and passes a quick
 *       self-check against the scalar kernels.</li>
 *   <li>Otherwise scalar, with one short hint on stderr (silenced with
 *       {@code -Dcanto.kernels=scalar}).</li>
 * </ol>
 * {@code SimdKernels} is loaded by name, so its Vector API types are never linked when the
 * module is absent: the engine runs on a plain {@code java} command line.
 */
final class KernelsProvider {
    static final Kernels INSTANCE = choose();

    private KernelsProvider() {}

    private static Kernels choose() {
        String forced = System.getProperty("canto.kernels", "").trim().toLowerCase(java.util.Locale.ROOT);
        if (forced.equals("scalar")) return new ScalarKernels();
        boolean moduleLoaded = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!forced.isEmpty() && !forced.equals("simd")) {
            throw new IllegalStateException("-Dcanto.kernels must be 'scalar' or 'simd', not '" + forced + "'");
        }
        if (!moduleLoaded) {
            if (forced.equals("simd")) {
                throw new IllegalStateException("-Dcanto.kernels=simd needs the JVM option --add-modules jdk.incubator.vector");
            }
            System.err.println("canto: scalar kernels (for SIMD speed, run java with --add-modules jdk.incubator.vector)");
            return new ScalarKernels();
        }
        try {
            Class<?> c = MethodHandles.lookup().findClass("canto.engine.kernels.SimdKernels");
            Kernels simd = (Kernels) c.getDeclaredConstructor().newInstance();
            String problem = selfCheck(simd, new ScalarKernels());
            if (problem == null) return simd;
            if (forced.equals("simd")) throw new IllegalStateException("SIMD kernels failed their self-check: " + problem);
            System.err.println("canto: SIMD kernels failed their self-check (" + problem + "); using scalar kernels");
        } catch (ReflectiveOperationException | LinkageError e) {
            if (forced.equals("simd")) throw new IllegalStateException("SIMD kernels could not be loaded: " + e, e);
            System.err.println("canto: SIMD kernels could not be loaded (" + e + "); using scalar kernels");
        }
        return new ScalarKernels();
    }

    /** Loads {@code SimdKernels} by name; fails clearly when the vector module is absent. */
    static Kernels loadSimd() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("SIMD kernels need the JVM option --add-modules jdk.incubator.vector");
        }
        try {
            Class<?> c = MethodHandles.lookup().findClass("canto.engine.kernels.SimdKernels");
            return (Kernels) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("SIMD kernels could not be loaded: " + e, e);
        }
    }

    /** Runs a product and an Adam step through both kernels; null when they agree. */
    static String selfCheck(Kernels simd, Kernels scalar) {
        int m = 5, n = 37, k = 41;
        float[] a = new float[m * k], b = new float[n * k];
        for (int i = 0; i < a.length; i++) a[i] = ((i * 7919) % 13 - 6) / 7f;
        for (int i = 0; i < b.length; i++) b[i] = ((i * 104729) % 11 - 5) / 5f;
        float[] c1 = new float[m * n], c2 = new float[m * n];
        simd.matmulNT(a, 0, b, 0, c1, 0, m, n, k);
        scalar.matmulNT(a, 0, b, 0, c2, 0, m, n, k);
        for (int i = 0; i < c1.length; i++) {
            if (Math.abs(c1[i] - c2[i]) > 1e-4f * (1 + Math.abs(c2[i]))) return "matmulNT differs at " + i;
        }
        float[] p1 = b.clone(), p2 = b.clone(), m1 = new float[b.length], m2 = new float[b.length];
        float[] v1 = new float[b.length], v2 = new float[b.length];
        simd.adamStep(p1, a.length >= b.length ? a : Arrays.copyOf(a, b.length), m1, v1, 0, b.length, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0316f, 0f);
        scalar.adamStep(p2, a.length >= b.length ? a : Arrays.copyOf(a, b.length), m2, v2, 0, b.length, 1e-3f, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, 0.0316f, 0f);
        if (!Arrays.equals(p1, p2)) return "adamStep differs";
        return null;
    }
}
