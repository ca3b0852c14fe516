package canto.engine.util;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over {@code [0, n)} into one contiguous chunk per thread and runs the chunks
 * at once: the caller takes the first, a fixed set of daemon workers the others.
 *
 * <p>Chunk bounds depend only on {@code n}, the alignment and the thread count, so a body
 * whose chunks write disjoint outputs gives the same result on every run with the same thread
 * count — and, for element-wise bodies, with any thread count.
 *
 * <p>{@link #shared()} has {@code -Dcanto.threads} threads (1 or more; default 2 when the
 * machine has at least 2 processors, else 1). Workers spin briefly after a job, since the next
 * one usually follows within microseconds in a training loop, then park. A call made while
 * the pool is busy (from another thread, or from inside a body) runs on the caller alone.
 */
public final class Parallel {
    /** The work on {@code [from, to)}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 200_000;

    private static final Parallel SHARED = new Parallel(threadsFromProperty());

    private final int threads;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Throwable failure;

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

    /** The pool sized by {@code -Dcanto.threads}. */
    public static Parallel shared() { return SHARED; }

    static int threadsFromProperty() {
        String p = System.getProperty("canto.threads", "").trim();
        if (p.isEmpty()) return Math.min(2, Runtime.getRuntime().availableProcessors());
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
     * Runs {@code body} over {@code [0, n)} split into {@link #threads()} contiguous chunks
     * whose bounds are multiples of {@code align} (the last chunk takes the rest). With fewer
     * than {@code minPerThread} elements per thread, or when the pool is busy, the caller runs
     * the whole range itself.
     */
    public void forRange(int n, int align, int minPerThread, Body body) {
        if (threads == 1 || n < 2L * minPerThread || !busy.compareAndSet(0, 1)) {
            body.run(0, n);
            return;
        }
        try {
            int chunk = chunk(n, align, threads);
            failure = null;
            pending.set(workers.length);
            for (Worker w : workers) w.submit(body, n, chunk);
            body.run(0, Math.min(n, chunk));
            while (pending.get() != 0) Thread.onSpinWait();
            Throwable t = failure;
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

    /** One worker: waits for a job, runs its chunk, counts down. */
    private final class Worker extends Thread {
        private final int index;
        private volatile Body job;
        private volatile int jobN, jobChunk;
        private volatile long posted;   // incremented per job
        private long done;

        Worker(int index) {
            super("canto-parallel-" + index);
            this.index = index;
            setDaemon(true);
        }

        void submit(Body body, int n, int chunk) {
            job = body;
            jobN = n;
            jobChunk = chunk;
            posted++;            // volatile write publishes the fields above
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (posted == done) {
                    if (++spins < 64 || System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                done = posted;
                try {
                    int from = Math.min(jobN, index * jobChunk);
                    int to = index == threads - 1 ? jobN : Math.min(jobN, from + jobChunk);
                    if (from < to) job.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
