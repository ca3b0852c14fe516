package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provider's choice in JVMs started with the flags that matter, each a child process
 * running {@link KernelsProbe}: a C1-only JIT gets scalar kernels; without fast FMA both twins
 * drop FMA and stay bit-identical; {@code -Dcanto.vectorBits} narrows the lanes; the hint is
 * logged once.
 */
class KernelsChoiceJvmTest {
    private static final String VECTOR = "--add-modules=jdk.incubator.vector";

    private record Run(String out, String err) {}

    private static Run probe(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KernelsProbe.class.getName());
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes(), err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        Run r = new Run(new String(out, StandardCharsets.UTF_8).trim(), new String(err, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), "probe failed: " + r);
        return r;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void aC1OnlyJvmGetsScalarKernelsWithOneWarning() throws Exception {
        Run r = probe(VECTOR, "-XX:TieredStopAtLevel=1");
        assertTrue(r.out().startsWith("kernels=scalar "), r.out());
        assertEquals(1, count(r.err(), "canto: scalar kernels, because"), r.err());
        Run forced = probe(VECTOR, "-XX:TieredStopAtLevel=1", "-Dcanto.kernels=simd");
        assertTrue(forced.out().startsWith("kernels=simd "), "forcing still works: " + forced.out());
    }

    @Test
    void withoutFastFmaBothTwinsDropFmaAndStayBitIdentical() throws Exception {
        Run r = probe(VECTOR, "-XX:-UseFMA");
        assertTrue(r.out().contains("kernels=simd fma=false"), r.out());
        assertTrue(r.out().endsWith("adamTwinsIdentical=true"), r.out());
        Run normal = probe(VECTOR);
        assertTrue(normal.out().contains("fma=true") && normal.out().endsWith("adamTwinsIdentical=true"), normal.out());
    }

    @Test
    void vectorBitsNarrowsTheLanesAndABadValueFallsBackToScalar() throws Exception {
        assertTrue(probe(VECTOR, "-Dcanto.vectorBits=128").out().contains("lanes=4 "));
        Run bad = probe(VECTOR, "-Dcanto.vectorBits=100");
        assertTrue(bad.out().startsWith("kernels=scalar "), bad.out());
        assertTrue(bad.err().contains("-Dcanto.vectorBits must be 128, 256 or 512"), bad.err());
    }

    @Test
    void theMissingModuleHintIsLoggedOnce() throws Exception {
        Run r = probe();
        assertTrue(r.out().startsWith("kernels=scalar "), r.out());
        assertEquals(1, count(r.err(), "canto: scalar kernels (for SIMD speed"), r.err());
    }
}
