package canto.genre;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * With {@code -Dcanto.phases=true}, one stderr line per phase of a run: its wall seconds, the
 * seconds since the JVM started, and the calling thread's CPU seconds in it, e.g.
 * {@code phase read-csv: 0.612 s wall (at 0.853 s), 0.598 s cpu}. Off by default, and then free.
 */
final class PhaseClock {
    private final PrintStream err;
    private final boolean on;
    private final ThreadMXBean threads;
    private long lastWall, lastCpu;

    PhaseClock(PrintStream err, boolean on) {
        this.err = err;
        this.on = on;
        this.threads = on ? ManagementFactory.getThreadMXBean() : null;
        if (on) {
            lastWall = System.nanoTime();
            lastCpu = threads.getCurrentThreadCpuTime();
        }
    }

    /** A clock switched by {@code -Dcanto.phases}. */
    static PhaseClock fromProperty(PrintStream err) {
        return new PhaseClock(err, Boolean.getBoolean("canto.phases"));
    }

    /** Ends the phase {@code name} (started at the previous call, or at construction). */
    void mark(String name) {
        if (!on) return;
        long wall = System.nanoTime(), cpu = threads.getCurrentThreadCpuTime();
        double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        err.printf(Locale.ROOT, "phase %s: %.3f s wall (at %.3f s), %.3f s cpu%n",
                name, (wall - lastWall) / 1e9, sinceStart, (cpu - lastCpu) / 1e9);
        lastWall = wall;
        lastCpu = cpu;
    }
}
