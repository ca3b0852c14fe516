package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void theChoiceIsMadeOnce() {
        assertEquals(Kernels.get(), Kernels.get());
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
