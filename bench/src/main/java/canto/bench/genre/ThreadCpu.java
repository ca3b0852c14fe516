package canto.bench.genre;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU seconds so far of this JVM's threads by kind: the calling (training) thread, the JIT
 * compilers (C1, C2) and the garbage collector, read from Linux's {@code /proc/self/task/*}
 * (thread names and {@code utime + stime} in clock ticks of 10 ms), and the workers of the engine's
 * {@code Parallel} pools ({@code -Dcanto.threads} above 1). CPU time, unlike wall time,
 * hardly depends on what else runs on a shared machine, so it shows where a first epoch goes.
 * Elsewhere than Linux only the calling thread is measured (the others read 0).
 */
record ThreadCpu(double main, double pool, double c1, double c2, double gc, double other) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double TICK = 0.01; // USER_HZ is 100 on Linux

    static boolean available() {
        return Files.isDirectory(TASKS);
    }

    /** Now, with the calling thread as "main" (its CPU is also counted by /proc, and left out of "other"). */
    static ThreadCpu now() {
        double main = THREADS.getCurrentThreadCpuTime() / 1e9;
        double pool = 0, c1 = 0, c2 = 0, gc = 0, all = 0;
        if (available()) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path t : tasks) {
                    String comm, stat;
                    try {
                        comm = Files.readString(t.resolve("comm")).strip();
                        stat = Files.readString(t.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK; // utime, stime: fields 14, 15
                    all += s;
                    if (comm.startsWith("canto-parallel")) pool += s;
                    else if (comm.startsWith("C1 CompilerThre")) c1 += s;
                    else if (comm.startsWith("C2 CompilerThre")) c2 += s;
                    else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) gc += s;
                }
            } catch (IOException e) {
                return new ThreadCpu(main, 0, 0, 0, 0, 0);
            }
        }
        return new ThreadCpu(main, pool, c1, c2, gc, Math.max(0, all - main - pool - c1 - c2 - gc));
    }

    ThreadCpu minus(ThreadCpu o) {
        return new ThreadCpu(main - o.main, pool - o.pool, c1 - o.c1, c2 - o.c2, gc - o.gc, other - o.other);
    }

    String line() {
        return String.format(Locale.ROOT, "main_cpu=%.2f pool_cpu=%.2f c1_cpu=%.2f c2_cpu=%.2f gc_cpu=%.2f other_cpu=%.2f", main, pool, c1, c2, gc, other);
    }
}
