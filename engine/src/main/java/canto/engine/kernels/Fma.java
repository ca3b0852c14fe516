package canto.engine.kernels;

/**
 * Whether fused multiply-add is fast here, decided once for both kernel twins (Lucene's
 * {@code HAS_FAST_VECTOR_FMA}). Where it is not (HotSpot's {@code -XX:-UseFMA}, a CPU without
 * FMA), {@code Math.fma} and the vector {@code fma} are computed in software, thousands of times
 * slower; both twins then use a multiply and an add instead, so where they are bit-identical
 * (the Adam step) they stay so. {@code -Dcanto.fma=true|false} overrides the detection.
 *
 * <p>Read lazily: only a kernel that uses FMA loads this class (the tagger's parse never does).
 */
final class Fma {
    /** True when {@code Math.fma} / {@code FloatVector.fma} run in hardware. */
    static final boolean FAST = decide();

    private Fma() {}

    private static boolean decide() {
        String forced = System.getProperty("canto.fma", "").trim();
        if (forced.equals("true") || forced.equals("false")) return Boolean.parseBoolean(forced);
        if (!forced.isEmpty()) throw new IllegalStateException("-Dcanto.fma must be 'true' or 'false', not '" + forced + "'");
        String useFma = KernelsProvider.vmOption("UseFMA");
        return useFma == null || Boolean.parseBoolean(useFma); // not HotSpot: assume the JIT has it
    }

    /** {@code a · b + c}: fused when FMA is fast, else rounded twice. */
    static float fma(float a, float b, float c) {
        return FAST ? Math.fma(a, b, c) : a * b + c;
    }
}
