package canto.engine.util;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * another thread, or from inside a body) runs on the caller alone. A call allocates nothing.
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
    private final int parts;
    private final Worker[] workers;
    private final AtomicInteger busy = new AtomicInteger();

    // The one job at a time, reused so that a call allocates nothing. The caller writes body, n
    // and chunk, then publishes them with the volatile write of seq (job numbers count up from 1).
    // claimed[c] is the number of the last job whose chunk c was taken: a thread working on job s
    // takes chunk c only while claimed[c] < s, so a worker still looking at an old job never runs
    // anything of a new one, and every chunk of job s runs exactly once.
    private Body body;
    private int n, chunk;
    private final AtomicLongArray claimed;
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;
    private volatile long seq;

    /** A pool with {@code threads} threads in all, the caller included ({@code threads - 1} workers). */
    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
        this.parts = threads * CHUNKS_PER_THREAD;
        this.claimed = new AtomicLongArray(parts);
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
            long s = seq + 1;
            this.body = body;
            this.n = n;
            this.chunk = chunk(n, align, parts);
            failure = null;
            done.set(0);
            seq = s;
            for (Worker w : workers) LockSupport.unpark(w);
            work(0, s);
            for (int spins = 0; done.get() != parts; spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield(); // a worker holding a chunk may be waiting for this core
            }
            this.body = null;
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

    /**
     * Thread {@code t}'s part of job {@code s}: its own chunks
     * {@code [t·CHUNKS_PER_THREAD, (t+1)·CHUNKS_PER_THREAD)} first (the same thread meets the
     * same data on every call: cache affinity), then any chunk nobody has taken, last first.
     */
    private void work(int t, long s) {
        int own = t * CHUNKS_PER_THREAD;
        for (int c = own; c < own + CHUNKS_PER_THREAD; c++) tryRun(c, s);
        for (int c = parts - 1; c >= 0; c--) tryRun(c, s);
    }

    private void tryRun(int c, long s) {
        long last = claimed.get(c);
        if (last >= s || !claimed.compareAndSet(c, last, s)) return;
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
            long seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                long s;
                while ((s = seq) == seen) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) Thread.onSpinWait();
                    else LockSupport.park(this);
                }
                seen = s;
                work(index, s);
            }
        }
    }
}
