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
 *
 * <p>A split call <em>misses</em> when the workers had no core of their own for it: no worker took
 * a chunk, or one woken on the caller's core took them all, or one lost its core holding a chunk
 * (the caller then waits for it). On a machine whose other cores are busy (other processes, the
 * JIT's compiler threads) that is most calls, and each costs a wake-up and context switches for
 * nothing. So after a miss the next {@link #MIN_BACKOFF} calls run on the caller alone, twice as
 * many after each further miss in a row (at most {@link #MAX_BACKOFF}), until a call is really
 * split again. Which calls split changes no result for the bodies this pool is for, whose every
 * chunk computes exactly what the whole range computes there (element-wise updates, the column
 * and row parts of products: docs/KERNELS.md).
 */
public final class Parallel {
    /** The work on {@code [from, to)}. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 100_000;
    /**
     * A call is late when the caller, its chunks done, waited this much longer for the workers'
     * chunks than it took for its own: a worker lost its core holding a chunk.
     */
    static final long LATE_NANOS = 20_000;
    /** Calls run on the caller alone after a missed call: at first, and the most after misses in a row. */
    static final int MIN_BACKOFF = 16, MAX_BACKOFF = 1024;
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
    // Back-off (read and written only by the caller holding busy): after a call that missed, the
    // next serialLeft calls run on the caller alone; the count doubles while calls keep missing and
    // falls back to MIN_BACKOFF after a call that was really split.
    private int serialLeft, backoff = MIN_BACKOFF;
    private long missedCalls, serialCalls;

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

    /** Split calls so far that missed (see {@link #forRange}); for benchmarks. */
    public long missedCalls() { return missedCalls; }

    /** Calls so far run on the caller alone because a recent call had missed; for benchmarks. */
    public long serialCalls() { return serialCalls; }

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
            if (serialLeft > 0) {   // a recent call missed: the other cores are likely taken
                // before the last of these calls, wake the workers: parked for a while, they could
                // not wake in time for the next split call, which would then miss for that alone
                if (--serialLeft == 0) for (Worker w : workers) LockSupport.unpark(w);
                serialCalls++;
                body.run(0, n);
                return;
            }
            long s = seq + 1;
            this.body = body;
            this.n = n;
            this.chunk = chunk(n, align, parts);
            failure = null;
            done.set(0);
            seq = s;
            for (Worker w : workers) LockSupport.unpark(w);
            long start = System.nanoTime();
            int ran = work(0, s);
            long own = System.nanoTime();
            for (int spins = 0; done.get() != parts; spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield(); // a worker holding a chunk may be waiting for this core
            }
            long waited = System.nanoTime() - own;
            // Missed: no worker took a chunk (none had a core in time), the caller took none (a worker
            // woken on the caller's own core ran first), or a worker held a chunk long after the caller
            // was done (it lost its core mid-chunk).
            if (ran == parts || ran == 0 || waited > LATE_NANOS + (own - start)) {
                missedCalls++;
                serialLeft = backoff;
                backoff = Math.min(MAX_BACKOFF, 2 * backoff);
            } else {
                backoff = MIN_BACKOFF;
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
    private int work(int t, long s) {
        int own = t * CHUNKS_PER_THREAD, ran = 0;
        for (int c = own; c < own + CHUNKS_PER_THREAD; c++) ran += tryRun(c, s);
        for (int c = parts - 1; c >= 0; c--) ran += tryRun(c, s);
        return ran;
    }

    /** Runs chunk {@code c} of job {@code s} unless somebody took it: 1 if this thread ran it, else 0. */
    private int tryRun(int c, long s) {
        long last = claimed.get(c);
        if (last >= s || !claimed.compareAndSet(c, last, s)) return 0;
        try {
            int from = Math.min(n, c * chunk);
            int to = c == parts - 1 ? n : Math.min(n, from + chunk);
            if (from < to) body.run(from, to);
        } catch (Throwable e) {
            failure = e;
        } finally {
            done.incrementAndGet();
        }
        return 1;
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
                    else {
                        LockSupport.park(this);
                        spinStart = System.nanoTime();   // woken without a job (see forRange): spin again
                    }
                }
                seen = s;
                work(index, s);
            }
        }
    }
}
