package canto.engine.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelTest {

    /** Records the chunks a body was given; checks they tile [0, n) exactly once. */
    private static List<int[]> chunks(Parallel p, int n, int align, int min) {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        p.forRange(n, align, min, (from, to) -> seen.add(new int[] {from, to}));
        List<int[]> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        int next = 0;
        for (int[] c : sorted) {
            assertEquals(next, c[0], "chunks must tile the range");
            next = c[1];
        }
        assertEquals(n, next);
        return sorted;
    }

    @Test
    void splitsIntoAlignedContiguousChunks() {
        Parallel p = new Parallel(2);
        List<int[]> c = chunks(p, 1000, 16, 1);     // 4 chunks of ceil(1000/4) = 250 -> 256
        assertEquals(4, c.size());
        assertArrayEquals(new int[] {0, 256}, c.get(0));
        assertArrayEquals(new int[] {256, 512}, c.get(1));
        assertArrayEquals(new int[] {768, 1000}, c.get(3));
        c = chunks(new Parallel(3), 100, 1, 1);     // 6 chunks of 17
        assertEquals(6, c.size());
        assertArrayEquals(new int[] {0, 17}, c.get(0));
        assertArrayEquals(new int[] {85, 100}, c.get(5));
    }

    @Test
    void smallRangesAndOneThreadRunOnTheCaller() {
        assertEquals(1, chunks(new Parallel(2), 100, 16, 64).size()); // 100 < 2 * 64
        assertEquals(1, chunks(new Parallel(1), 100_000, 16, 1).size());
        assertEquals(1, chunks(new Parallel(2), 0, 16, 0).size());
        // alignment larger than a quarter of the range: the empty chunks are never run
        assertEquals(1, chunks(new Parallel(2), 10, 16, 1).size());
        assertEquals(2, chunks(new Parallel(2), 20, 16, 1).size());
    }

    @Test
    void manyJobsInARowAllComplete() {
        Parallel p = new Parallel(2);
        long[] sums = new long[2];
        int[] data = new int[10_000];
        for (int i = 0; i < data.length; i++) data[i] = i;
        for (int rep = 0; rep < 2000; rep++) {
            java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
            p.forRange(data.length, 16, 1, (from, to) -> {
                long s = 0;
                for (int i = from; i < to; i++) s += data[i];
                total.addAndGet(s);
            });
            sums[0] += total.get();
        }
        assertEquals(2000L * (data.length - 1) * data.length / 2, sums[0]);
    }

    @Test
    void nestedCallsRunOnTheCaller() {
        Parallel p = new Parallel(2);
        int[] out = new int[64];
        p.forRange(64, 1, 1, (from, to) -> p.forRange(to - from, 1, 1, (a, b) -> {
            for (int i = a; i < b; i++) out[from + i]++;
        }));
        for (int v : out) assertEquals(1, v);
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        Parallel p = new Parallel(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.forRange(100, 1, 1, (from, to) -> {
            if (from > 0) throw new IllegalStateException("chunk " + from);
        }));
        assertEquals("chunk ", e.getMessage().substring(0, 6)); // one of chunks 25, 50, 75
        chunks(p, 100, 1, 1); // still usable
    }

    @Test
    void afterAMissedCallTheNextCallsRunOnTheCaller() throws Exception {
        Parallel p = new Parallel(2);
        Thread caller = Thread.currentThread();
        // a worker that holds its chunk 2 ms: the caller waits for it, so the call misses (as does
        // one where the worker was not awake in time and the caller ran every chunk)
        Parallel.Body slowWorker = (from, to) -> {
            if (Thread.currentThread() != caller) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        for (int i = 0; i < 10_000 && p.missedCalls() == 0; i++) p.forRange(1000, 16, 1, slowWorker);
        assertEquals(1, p.missedCalls(), "a call whose worker held a chunk 2 ms misses");
        long serial = p.serialCalls();
        for (int i = 0; i < Parallel.MIN_BACKOFF; i++) assertEquals(1, chunks(p, 1000, 16, 1).size(), "call " + i + " after the miss");
        assertEquals(serial + Parallel.MIN_BACKOFF, p.serialCalls());
        assertEquals(4, chunks(p, 1000, 16, 1).size(), "then the pool splits again");
    }

    @Test
    void rejectsBadThreadCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Parallel(0));
    }
}
