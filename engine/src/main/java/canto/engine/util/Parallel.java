package canto.engine.util;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over {@code [0, n)} into contiguous chunks and runs them on the caller and a
 * fixed set of daemon workers at once.
 *
 * <p>Chunk bounds depend only on {@code n}, the alignment and the thread count, so a body
 * whose chunks write disjoint outputs gives the same result on every run with the same
 * thread count — and, for element-wise bodies, with any thread count. Each thread runs its own
 * chunks first (so it meets the same data on every call), then any chunk nobody has started:
 * when a worker is slow to wake (a busy machine) the caller simply does more of the work
 * itself instead of waiting for it.
 *
 * <p>{@link #shared()} has {@code -Dcanto.threads} threads (default 1: see docs/BENCHMARKS.md
 * for when 2 pays). Workers spin briefly after a job, since in a training loop the next one
 * usually follows within microseconds, then park. A call made while the pool is busy (from
 * another thread, or from inside a body) runs on the caller alone.
 */
public final class Parallel {
    /** The work on {@code [from, to)}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 100_000;
    /** Chunks per thread: finer chunks let the caller take over more of a late worker's share. */
    private static final int CHUNKS_PER_THREAD = 2;

    private static final Parallel SHARED = new Parallel(threadsFromProperty());

    private final int threads;
    private final Worker[] workers;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Job current;

    /**
     * One call of {@link #forRange}: its chunks, which are claimed, and how many are done.
     * Thread t owns chunks {@code [t·CHUNKS_PER_THREAD, (t+1)·CHUNKS_PER_THREAD)} and runs them
     * first (the same thread meets the same data on every call: cache affinity), then takes
     * over any chunk of another thread that nobody has started yet.
     */
    private static final class Job {
        final Body body;
        final int n, chunk, parts;
        final AtomicIntegerArray claimed;
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Body body, int n, int chunk, int parts) {
            this.body = body;
            this.n = n;
            this.chunk = chunk;
            this.parts = parts;
            this.claimed = new AtomicIntegerArray(parts);
        }

        /** Runs thread {@code t}'s own chunks, then every unclaimed one, last first. */
        void work(int t) {
            int own = t * CHUNKS_PER_THREAD;
            for (int c = own; c < own + CHUNKS_PER_THREAD; c++) tryRun(c);
            for (int c = parts - 1; c >= 0; c--) tryRun(c);
        }

        private void tryRun(int c) {
            if (claimed.get(c) != 0 || !claimed.compareAndSet(c, 0, 1)) return;
            try {
                int from = Math.min(n, c * chunk);
                int to = c == parts - 1 ? n : Math.min(n, from + chunk);
                if (from < to) body.run(from, to);
            } catch (Throwable e) {
                failure = e;
            } finally {
                done.incrementAndGet();
            }
        }
    }

    /** A pool with {@code threads} threads in all, the caller included ({@code threads - 1} workers). */
    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    /** The pool sized by {@code -Dcanto.threads} (default 1). */
    public static Parallel shared() { return SHARED; }

    static int threadsFromProperty() {
        String p = System.getProperty("canto.threads", "").trim();
        if (p.isEmpty()) return 1;
        try {
            int t = Integer.parseInt(p);
            if (t >= 1) return t;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalStateException("-Dcanto.threads must be a positive integer, not '" + p + "'");
    }

    public int threads() { return threads; }

    /**
     * Runs {@code body} over {@code [0, n)} split into {@code 2 · threads()} contiguous chunks
     * whose bounds are multiples of {@code align} (the last chunk takes the rest). With fewer
     * than {@code minPerThread} elements per thread, no more than {@code align} elements, or
     * when the pool is busy, the caller runs the whole range itself in one call.
     */
    public void forRange(int n, int align, int minPerThread, Body body) {
        if (threads == 1 || n <= align || n < 2L * minPerThread || !busy.compareAndSet(0, 1)) {
            body.run(0, n);
            return;
        }
        try {
            int parts = threads * CHUNKS_PER_THREAD;
            Job job = new Job(body, n, chunk(n, align, parts), parts);
            current = job;
            for (Worker w : workers) LockSupport.unpark(w);
            job.work(0);
            for (int spins = 0; job.done.get() != parts; spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield(); // a worker holding a chunk may be waiting for this core
            }
            Throwable t = job.failure;
            if (t != null) {
                if (t instanceof RuntimeException) throw (RuntimeException) t;
                if (t instanceof Error) throw (Error) t;
                throw new IllegalStateException(t);
            }
        } finally {
            busy.set(0);
        }
    }

    /** Elements per chunk: {@code ceil(n / parts)} rounded up to a multiple of {@code align}. */
    static int chunk(int n, int align, int parts) {
        int c = (n + parts - 1) / parts;
        return (c + align - 1) / align * align;
    }

    /** One worker: waits for a new job, helps with its chunks, waits again. */
    private final class Worker extends Thread {
        private final int index;

        Worker(int index) {
            super("canto-parallel-" + index);
            this.index = index;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                long spinStart = System.nanoTime();
                Job job;
                while ((job = current) == seen) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) Thread.onSpinWait();
                    else LockSupport.park(this);
                }
                seen = job;
                job.work(index);
            }
        }
    }
}
