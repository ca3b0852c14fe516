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
 *       JVM was started with {@code --add-modules jdk.incubator.vector}), the JIT is C2 (not a
 *       C1-only JVM: {@code java.vm.info} saying {@code emulated-client}, or
 *       {@code -XX:TieredStopAtLevel} below 4, where the Vector API is not intrinsified and SIMD
 *       runs ~10 times slower than scalar; Lucene refuses it there too), and it passes a quick
 *       self-check against the scalar kernels.</li>
 *   <li>Otherwise scalar, with one hint through {@link System.Logger} ({@code canto.engine.kernels},
 *       INFO for the missing module, WARNING for the rest), logged once, when the choice is
 *       made; silenced with {@code -Dcanto.kernels=scalar} or the logging configuration.</li>
 * </ol>
 * The SIMD width is the machine's unless {@code -Dcanto.vectorBits} narrows it
 * ({@link SimdSpecies}); FMA is used when it is fast ({@link Fma}).
 * {@code SimdKernels} is loaded by name, so its Vector API types are never linked when the
 * module is absent: the engine runs on a plain {@code java} command line.
 */
final class KernelsProvider {
    private static final System.Logger LOG = System.getLogger("canto.engine.kernels"); // before INSTANCE: choose() logs
    static final Kernels INSTANCE = choose();

    private KernelsProvider() {}

    /** A HotSpot VM option's value ({@code -XX:...}), or null when it cannot be read. */
    static String vmOption(String name) {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean == null ? null : bean.getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null; // not HotSpot, or the option does not exist
        }
    }

    /**
     * Why SIMD would be slow on a JVM with this {@code java.vm.info} and
     * {@code TieredStopAtLevel} (null when unknown), or null when it is fine.
     */
    static String slowSimdReason(String vmInfo, String tieredStopAtLevel) {
        if (vmInfo != null && vmInfo.contains("emulated-client")) return "the JIT is C1 only (java.vm.info: " + vmInfo + ")";
        if (vmInfo != null && vmInfo.contains("interpreted mode")) return "the JVM runs interpreted (java.vm.info: " + vmInfo + ")";
        if (tieredStopAtLevel != null) {
            try {
                if (Integer.parseInt(tieredStopAtLevel.trim()) < 4) return "C2 is disabled (-XX:TieredStopAtLevel=" + tieredStopAtLevel.trim() + ")";
            } catch (NumberFormatException ignored) {
                // an unreadable value says nothing
            }
        }
        return null;
    }

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
            LOG.log(System.Logger.Level.INFO, "canto: scalar kernels (for SIMD speed, run java with --add-modules jdk.incubator.vector)");
            return new ScalarKernels();
        }
        String slow = slowSimdReason(System.getProperty("java.vm.info"), vmOption("TieredStopAtLevel"));
        if (slow != null && !forced.equals("simd")) {
            LOG.log(System.Logger.Level.WARNING, "canto: scalar kernels, because " + slow + ": the Vector API is not compiled there and SIMD would be slower (-Dcanto.kernels=simd forces it)");
            return new ScalarKernels();
        }
        try {
            Class<?> c = MethodHandles.lookup().findClass("canto.engine.kernels.SimdKernels");
            Kernels simd = (Kernels) c.getDeclaredConstructor().newInstance();
            String problem = selfCheck(simd, new ScalarKernels());
            if (problem == null) return simd;
            if (forced.equals("simd")) throw new IllegalStateException("SIMD kernels failed their self-check: " + problem);
            LOG.log(System.Logger.Level.WARNING, "canto: SIMD kernels failed their self-check (" + problem + "); using scalar kernels");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause(); // e.g. a bad -Dcanto.vectorBits inside an initializer error
            if (forced.equals("simd")) throw new IllegalStateException("SIMD kernels could not be loaded: " + cause, e);
            LOG.log(System.Logger.Level.WARNING, "canto: SIMD kernels could not be loaded (" + cause + "); using scalar kernels");
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
