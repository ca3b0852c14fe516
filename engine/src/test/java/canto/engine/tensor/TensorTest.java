package canto.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void viewsAPartOfAnArray() {
        float[] data = {9, 1, 2, 3, 4, 5, 6, 9};
        Tensor t = new Tensor(data, 1, 2, 3);
        assertEquals(6, t.size());
        assertEquals(2, t.rows());
        assertEquals(3, t.cols());
        assertEquals(4f, t.get(3));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toArray());
        Tensor r = t.reshape(3, 2);
        assertSame(data, r.data());
        assertEquals(1, r.offset());
        assertEquals(2, r.dim(-1));
        t.fill(0f);
        assertArrayEquals(new float[] {9, 0, 0, 0, 0, 0, 0, 9}, data, "fill stays inside the view");
    }

    @Test
    void rejectsShapesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new float[5], 0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new float[6], 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new float[6], -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new float[6], 0, -2, -3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[6], 2, 3).reshape(4, 2));
        // 2^30 · 2^30 · 16 = 2^64 would wrap to 0 in a long: it must not pass as an empty tensor
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1 << 30, 1 << 30, 16));
        assertTrue(e.getMessage().contains("more than 2^31 - 1 elements"), e.getMessage());
        assertEquals(0, Tensor.zeros(1 << 30, 1 << 30, 0).size(), "a zero dimension makes an empty tensor");
    }

    @Test
    void scalarsAndEmptyTensors() {
        Tensor scalar = new Tensor(new float[] {7}, 0);
        assertEquals(1, scalar.size());
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.cols());
        Tensor empty = Tensor.zeros(0, 4);
        assertEquals(0, empty.size());
        assertEquals(0, empty.rows());
    }
}
