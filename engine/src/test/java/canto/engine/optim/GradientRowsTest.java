package canto.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Embedding;
import canto.engine.nn.Linear;
import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.util.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link GradientRows#update} cuts a range of the arena: the parts with a gradient cover every
 * reported row, start and end on multiples of {@link GradientRows#ALIGN} arena floats (or at the
 * range's ends), never touch each other, and with the parts without tile the range in order.
 * (That the bits are those of the plain dense step is {@link AdamGradientRowsTest}.)
 */
class GradientRowsTest {
    @Test
    void partsWithAGradientAreAlignedMergedAndCoverTheReportedRows() {
        Rng rng = new Rng(3);
        Embedding emb = new Embedding(1000, 4, rng);
        Parameters.of(new Sequential(new Linear(5, 1, rng), emb));   // the table after 6 floats
        Parameter table = emb.weight();
        GradientRows rows = new GradientRows(table);
        rows.cleared();
        int off = table.grad().offset();
        assertNotEquals(0, off % 16, "the test needs a table that does not start on a vector boundary");
        int[] ids = {0, 1, 5, 6, 9, 40, 41, 42, 300, 302, 998, 999};
        table.touchedRows().mark(ids, 0, ids.length);
        int[][] ranges = {{off, off + 4000}, {off, off + 1200}, {off + 10, off + 1600}, {off + 26, off + 40}, {off + 1600, off + 3990}};
        for (int[] range : ranges) {
            int from = range[0], to = range[1];
            List<int[]> parts = new ArrayList<>();   // {from, to, 1 if with gradient}
            rows.update(from, to, (a, b) -> parts.add(new int[] {a, b, 1}), (a, b) -> parts.add(new int[] {a, b, 0}));
            int at = from;
            boolean lastWithGrad = false;
            boolean[] covered = new boolean[4000];
            for (int[] p : parts) {
                String where = "part [" + (p[0] - off) + ", " + (p[1] - off) + ") of range [" + (from - off) + ", " + (to - off) + ")";
                assertEquals(at, p[0], where + " must follow the previous part");
                assertTrue(p[1] > p[0], where + " is empty");
                if (p[2] == 1) {
                    assertTrue(!lastWithGrad, where + " should have been merged with the part before");
                    assertTrue(p[0] == from || p[0] % 16 == 0, where + " starts off a vector boundary");
                    assertTrue(p[1] == to || p[1] % 16 == 0, where + " ends off a vector boundary");
                    for (int i = p[0]; i < p[1]; i++) covered[i - off] = true;
                }
                lastWithGrad = p[2] == 1;
                at = p[1];
            }
            assertEquals(to, at, "the parts must reach the range's end");
            for (int id : ids) {
                for (int i = id * 4; i < id * 4 + 4; i++) {
                    if (off + i >= from && off + i < to) assertTrue(covered[i], "row " + id + " element " + i + " has a gradient but was not in a part with one");
                }
            }
        }
    }
}
