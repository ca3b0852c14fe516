package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The provider chose the kernels this JVM should have: SIMD in the default surefire
 * execution (run with {@code --add-modules jdk.incubator.vector}), scalar in the
 * {@code scalar-fallback} execution, which runs without the module and sets
 * {@code -Dcanto.expectKernels=scalar}. That execution passing proves the engine starts and
 * trains on a plain {@code java} command line without linking the incubator module.
 */
class KernelsChoiceTest {

    @Test
    void theExpectedKernelsWereChosen() {
        String forced = System.getProperty("canto.kernels"); // e.g. mvn verify -Dcanto.kernels=scalar
        String expected = System.getProperty("canto.expectKernels", forced != null ? forced : "simd");
        boolean moduleLoaded = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(expected, Kernels.get().name(),
                "kernels chosen with jdk.incubator.vector " + (moduleLoaded ? "present" : "absent"));
        if (forced == null) {
            assertEquals(expected.equals("simd"), moduleLoaded, "the vector module should be present exactly when SIMD is expected");
        }
    }

    /**
     * The choice is made once, at first use: asking again after the property that drives it has
     * changed gives the same instance (a provider that re-chose per call would switch here).
     * That the hint is logged once is checked in a fresh JVM ({@link KernelsChoiceJvmTest}).
     */
    @Test
    void theChoiceIsMadeOnceAndLaterPropertyChangesDoNotMoveIt() {
        Kernels first = Kernels.get();
        String before = System.getProperty("canto.kernels");
        try {
            System.setProperty("canto.kernels", first.name().equals("simd") ? "scalar" : "simd");
            assertSame(first, Kernels.get());
        } finally {
            if (before == null) System.clearProperty("canto.kernels");
            else System.setProperty("canto.kernels", before);
        }
    }

    /** The lane-width executions (-Dcanto.vectorBits=256|128) really run narrower SIMD kernels. */
    @Test
    void theVectorWidthPropertyIsObeyed() {
        String bits = System.getProperty("canto.vectorBits");
        assumeTrue(bits != null && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "no -Dcanto.vectorBits in this run");
        assertEquals("simd", Kernels.get().name());
        assertEquals(Integer.parseInt(bits) / 32, SimdSpecies.L);
    }

    /**
     * Each way a JVM can lack C2 is named: {@code java.vm.info} of {@code -XX:TieredStopAtLevel=1}
     * (JDK 17 and 25: "mixed mode, emulated-client, sharing") and of {@code -Xint}, and a
     * {@code TieredStopAtLevel} of 1-3 whatever the info says (levels 2 and 3 do not say
     * emulated-client); level 4, the default, and unreadable values are fine.
     */
    @Test
    void aJvmWithoutC2IsRecognisedEveryWay() {
        assertNotNull(KernelsProvider.slowSimdReason("mixed mode, emulated-client, sharing", "1"));
        assertNotNull(KernelsProvider.slowSimdReason("mixed mode, emulated-client, sharing", null));
        assertNotNull(KernelsProvider.slowSimdReason("interpreted mode, sharing", "4"));
        for (String level : new String[] {"0", "1", "2", "3", " 3 "}) {
            assertNotNull(KernelsProvider.slowSimdReason("mixed mode, sharing", level), "TieredStopAtLevel=" + level);
        }
        assertNull(KernelsProvider.slowSimdReason("mixed mode, sharing", "4"));
        assertNull(KernelsProvider.slowSimdReason("mixed mode, sharing", null));
        assertNull(KernelsProvider.slowSimdReason(null, "four"));
        assertNull(KernelsProvider.slowSimdReason(System.getProperty("java.vm.info"), KernelsProvider.vmOption("TieredStopAtLevel")),
                "this surefire JVM runs C2");
    }

    @Test
    void selfCheckPassesCorrectKernelsAndCatchesBrokenOnes() {
        Kernels reference = new ScalarKernels();
        assertNull(KernelsProvider.selfCheck(new ScalarKernels(), reference));
        assertNotNull(KernelsProvider.selfCheck(brokenIn("matmulNT"), reference), "a wrong product must fail the self-check");
        assertNotNull(KernelsProvider.selfCheck(brokenIn("adamStep"), reference), "a wrong Adam step must fail the self-check");
    }

    /** Scalar kernels whose {@code method} adds 1e-3 to its first output (C of a product, p of an Adam step). */
    private static Kernels brokenIn(String method) {
        Kernels good = new ScalarKernels();
        return (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, m, args) -> {
                    Object result = m.invoke(good, args);
                    if (m.getName().equals(method)) {
                        float[] out = m.getName().equals("adamStep") ? (float[]) args[0] : (float[]) args[4];
                        out[0] += 1e-3f;
                    }
                    return result;
                });
    }
}
