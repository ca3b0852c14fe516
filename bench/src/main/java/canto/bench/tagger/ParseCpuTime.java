package canto.bench.tagger;

import canto.tagger.model.NeuralTitleParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Thread CPU time per title of the bundled parser over every line of a file: 30 warm-up rounds
 * over the file, then the median (min, max) of {@code rounds} timed rounds. CPU time, unlike
 * JMH's wall time, hardly moves with what else runs on a shared machine, so old and new jars
 * can be compared side by side under load:
 * {@code java -Dcanto.kernels=scalar -cp bench/target/benchmarks.jar canto.bench.tagger.ParseCpuTime TITLES [ROUNDS]}.
 */
public final class ParseCpuTime {
    private ParseCpuTime() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ParseCpuTime TITLES-FILE [ROUNDS]   (one title per line)");
            System.exit(2);
        }
        List<String> titles = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        NeuralTitleParser parser = NeuralTitleParser.loadBundled();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < 30; r++) for (String t : titles) sink += parser.parse(t).artists().size();
        double[] us = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (String t : titles) sink += parser.parse(t).artists().size();
            us[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / titles.size();
        }
        Arrays.sort(us);
        System.out.printf(Locale.ROOT, "%.2f us/title CPU, median of %d rounds (min %.2f, max %.2f), %d titles (%d artists)%n",
                us[rounds / 2], rounds, us[0], us[rounds - 1], titles.size(), sink);
    }
}
