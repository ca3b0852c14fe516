package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SIMD products give the same bits in every JIT tier: {@link ReductionOrderProbe} in a
 * child JVM computes them cold (interpreted) and again after they are compiled, and a second
 * child runs them with {@code -Xint} only; all three must match, at every width the machine
 * has. With {@code reduceLanes(ADD)} at the end of each dot product this failed on JDK 25,
 * whose C2 adds the lanes as a tree where the Java fallback adds them in sequence (JDK 17's C2
 * happened to add them in sequence too).
 */
class ReductionOrderJvmTest {
    private static final Pattern LINE = Pattern.compile("lanes=(\\d+) cold=([\\w,]+) warm=([\\w,]+)");

    private static Matcher probe(int bits, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("-Dcanto.kernels=simd");
        if (bits > 0) cmd.add("-Dcanto.vectorBits=" + bits);
        cmd.add("-Xbatch");                       // compile before running on: warm means compiled
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ReductionOrderProbe.class.getName());
        cmd.add(List.of(jvmArgs).contains("-Xint") ? "0" : "20000");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), "probe failed: " + out);
        Matcher m = LINE.matcher(out);
        assertTrue(m.find(), "no result line in: " + out);
        return m;
    }

    @Test
    void interpretedAndCompiledReductionsGiveTheSameBits() throws Exception {
        int machine = 32 * Integer.parseInt(probe(0, "-Xint").group(1));   // the preferred width
        int tested = 0;
        for (int bits : new int[] {512, 256, 128}) {
            if (bits > machine) continue;
            Matcher jit = probe(bits);
            Matcher interpreted = probe(bits, "-Xint");
            assertEquals(Integer.toString(bits / 32), jit.group(1), "lanes");
            assertEquals(jit.group(2), jit.group(3), bits + " bits: cold and compiled results differ");
            assertEquals(interpreted.group(2), jit.group(3), bits + " bits: -Xint and compiled results differ");
            tested++;
        }
        assertTrue(tested > 0, "no vector width to test on this machine");
    }
}
