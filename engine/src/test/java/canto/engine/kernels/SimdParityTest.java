package canto.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import canto.engine.util.Rng;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SimdKernels} against {@link ScalarKernels}, kernel by kernel, on awkward sizes (0, 1,
 * lanes ± 1, 2·lanes ± 1, 1023, 1025, ...) and at non-zero offsets inside larger arrays whose
 * other elements must stay untouched.
 *
 * <p>Element-wise kernels and the optimiser update are specified to agree bit for bit; the
 * reductions (products, column sums, scatter-add with repeated ids, softmax sums) agree to a
 * rounding bound that grows with the number of terms; the transcendental forwards (exp, tanh)
 * agree to a few ulps.
 *
 * <p>Runs only when the JVM has {@code jdk.incubator.vector} (the scalar-fallback surefire
 * execution excludes this class by name, and it would skip itself there anyway).
 */
class SimdParityTest {
    private static final float GUARD = -12345.678f; // fills every element outside the range

    private static Kernels simd;
    private static final Kernels scalar = new ScalarKernels();
    private static int lanes;
    private static int[] sizes;

    @BeforeAll
    static void simdKernels() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "run with --add-modules jdk.incubator.vector");
        simd = new SimdKernels();
        lanes = SimdSpecies.L;
        sizes = IntStream.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129,
                        lanes - 1, lanes, lanes + 1, 2 * lanes - 1, 2 * lanes, 2 * lanes + 1,
                        3 * lanes + 1, 1023, 1024, 1025, 4099)
                .filter(n -> n >= 0).distinct().sorted().toArray();
    }

    /**
     * Every kernel of the interface, abstract or default, is mapped to the test method that
     * holds its SIMD twin against the scalar one, and that method must exist. A new kernel, a
     * renamed kernel or a deleted test fails here.
     */
    @Test
    void everyKernelHasAParityTest() throws Exception {
        java.util.Map<String, String> tests = new java.util.TreeMap<>();
        for (String k : new String[] {"matmulNT", "matmulNN", "matmulTN", "broadcastRows", "addColumnSums",
                "reluForward", "reluBackward", "sigmoidForward", "sigmoidBackward", "tanhForward", "tanhBackward",
                "multiply", "softmaxCrossEntropy"}) {
            tests.put(k, "SimdParityTest#" + k);
        }
        // parts of a product give the whole product's bits (and the whole products agree above)
        tests.put("matmulNTColumns", "ProductSplitTest#simdPartsGiveTheWholeProduct");
        tests.put("matmulNNColumns", "ProductSplitTest#simdPartsGiveTheWholeProduct");
        tests.put("matmulTNRows", "ProductSplitTest#simdPartsGiveTheWholeProduct");
        tests.put("gather", "SimdParityTest#gatherAndScatterAdd");
        tests.put("scatterAdd", "SimdParityTest#gatherAndScatterAdd");
        tests.put("axpy", "SimdParityTest#axpyAndScale");
        tests.put("scale", "SimdParityTest#axpyAndScale");
        tests.put("softmaxCrossEntropyBackward", "SimdParityTest#softmaxCrossEntropy");
        tests.put("adamStep", "SimdParityTest#adamStepIsBitIdentical");
        tests.put("adamDecay", "SimdParityTest#adamDecayIsRepeatedRestingAdamSteps");
        tests.put("adamStepNoGrad", "SimdParityTest#adamStepNoGradIsAdamStepWithZeroGradients");
        tests.put("embeddingBagForward", "EmbeddingBagParityTest#forwardAndBackwardAreBitIdentical");
        tests.put("embeddingBagBackward", "EmbeddingBagParityTest#forwardAndBackwardAreBitIdentical");
        tests.put("dropoutMask", "KernelsExtraParityTest#dropoutMaskEqualsTheRngLoop");
        // every instance method a caller can reach on Kernels: abstract or default, declared here or
        // inherited from a superinterface; name() is the one that is no kernel. Names are the keys,
        // so an overload would hide behind its namesake's test: refused too.
        Set<String> kernels = new TreeSet<>();
        java.util.List<String> overloads = new java.util.ArrayList<>();
        for (Method m : Kernels.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) continue;
            if (m.getName().equals("name") && m.getParameterCount() == 0) continue;
            if (!kernels.add(m.getName())) overloads.add(m.getName());
        }
        assertTrue(overloads.isEmpty(), "kernels overloaded under one name (give each its own name and parity test): " + overloads);
        Set<String> untested = new TreeSet<>(kernels);
        untested.removeAll(tests.keySet());
        assertTrue(untested.isEmpty(), "kernels without a SIMD parity test: " + untested);
        Set<String> stale = new TreeSet<>(tests.keySet());
        stale.removeAll(kernels);
        assertTrue(stale.isEmpty(), "parity tests listed for kernels that do not exist: " + stale);
        for (String where : new TreeSet<>(tests.values())) {
            String[] cm = where.split("#");
            Method test = Class.forName("canto.engine.kernels." + cm[0]).getDeclaredMethod(cm[1]);
            assertTrue(test.isAnnotationPresent(Test.class), where + " is not a @Test");
        }
        assertEquals("simd", simd.name());
        assertEquals("scalar", scalar.name());
    }

    // ---- matrix products --------------------------------------------------------------

    private interface Product {
        void run(Kernels k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k2);
    }

    /** (m, n, k) triples: small awkward sizes, every combination, and the genre shapes. */
    private static int[][] productShapes() {
        int[] small = {1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 33};
        java.util.List<int[]> shapes = new java.util.ArrayList<>();
        for (int m : small) for (int n : small) for (int k : small) shapes.add(new int[] {m, n, k});
        // Linear(in -> out) at batch 8 and 16: forward NT (batch, out, in), input grad NN
        // (batch, in, out), weight grad TN (out, in, batch) — all three orders for each.
        int[][] layers = {{400, 7}, {22, 512}, {512, 128}, {128, 32}, {14, 512}, {512, 256}, {256, 64}, {64, 7},
                {22, 128}, {128, 64}, {64, 32}, {32, 16}, {16, 7}, {300, 7}, {32, 7}};
        for (int batch : new int[] {8, 16, 1, 3}) {
            for (int[] l : layers) {
                shapes.add(new int[] {batch, l[1], l[0]});
                shapes.add(new int[] {batch, l[0], l[1]});
                shapes.add(new int[] {l[1], l[0], batch});
            }
        }
        shapes.add(new int[] {0, 5, 7});
        shapes.add(new int[] {5, 0, 7});
        shapes.add(new int[] {5, 7, 0});
        shapes.add(new int[] {1, 1025, 1});
        shapes.add(new int[] {1023, 1, 3});
        shapes.add(new int[] {33, 65, 129});
        shapes.add(new int[] {2, 1025, 1023});
        // big enough for a blocked/packed path, with edges in every dimension and k across blocks
        shapes.add(new int[] {64, 64, 64});
        shapes.add(new int[] {130, 33, 300});
        shapes.add(new int[] {257, 70, 40});
        shapes.add(new int[] {40, 257, 513});
        shapes.add(new int[] {512, 400, 16});
        return shapes.toArray(new int[0][]);
    }

    @Test
    void matmulNT() {
        // A [m,k], B [n,k]
        checkProduct("matmulNT", (k, a, ao, b, bo, c, co, m, n, kk) -> k.matmulNT(a, ao, b, bo, c, co, m, n, kk), false, false);
    }

    @Test
    void matmulNN() {
        // A [m,k], B [k,n]
        checkProduct("matmulNN", (k, a, ao, b, bo, c, co, m, n, kk) -> k.matmulNN(a, ao, b, bo, c, co, m, n, kk), false, true);
    }

    @Test
    void matmulTN() {
        // A [k,m], B [k,n]
        checkProduct("matmulTN", (k, a, ao, b, bo, c, co, m, n, kk) -> k.matmulTN(a, ao, b, bo, c, co, m, n, kk), true, true);
    }

    /**
     * Runs both kernels on the same data (C starts non-zero: products accumulate) and bounds
     * the difference by the usual float error bound {@code ~k·u·Σ|a·b|}, computed in double.
     */
    private static void checkProduct(String what, Product p, boolean aTransposed, boolean bKbyN) {
        Rng rng = new Rng(42);
        int shapeIndex = 0;
        for (int[] s : productShapes()) {
            int m = s[0], n = s[1], k = s[2];
            int aOff = 3 + shapeIndex % 2, bOff = 5, cOff = 1 + shapeIndex % 3;
            shapeIndex++;
            float[] a = guarded(rng, aOff, m * k, 2), b = guarded(rng, bOff, n * k, 2), c = guarded(rng, cOff, m * n, 1);
            // ReLU-like zeros in A exercise the kernels' zero-skipping shortcuts
            for (int i = 0; i < m * k; i += 3) a[aOff + i] = 0f;
            float[] a0 = a.clone(), b0 = b.clone();
            float[] cs = c.clone(), cv = c.clone();
            p.run(scalar, a, aOff, b, bOff, cs, cOff, m, n, k);
            p.run(simd, a, aOff, b, bOff, cv, cOff, m, n, k);
            String where = what + " m=" + m + " n=" + n + " k=" + k;
            assertUnchanged(a0, a, where + " (A)");
            assertUnchanged(b0, b, where + " (B)");
            assertGuards(cv, cOff, m * n, where);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double abs = Math.abs(c[cOff + i * n + j]);
                    for (int q = 0; q < k; q++) {
                        float av = aTransposed ? a[aOff + q * m + i] : a[aOff + i * k + q];
                        float bv = bKbyN ? b[bOff + q * n + j] : b[bOff + j * k + q];
                        abs += Math.abs((double) av * bv);
                    }
                    double bound = (k + 2) * 0x1p-23 * abs + 1e-30;
                    float x = cs[cOff + i * n + j], y = cv[cOff + i * n + j];
                    if (!(Math.abs(x - y) <= bound)) {
                        fail(where + " at [" + i + "," + j + "]: scalar " + x + ", simd " + y + ", bound " + bound);
                    }
                }
            }
        }
    }

    @Test
    void broadcastRows() {
        Rng rng = new Rng(1);
        for (int n : sizes) {
            for (int rows : new int[] {0, 1, 3, 16}) {
                float[] bias = guarded(rng, 3, n, 1);
                float[] ys = guarded(rng, 5, rows * n, 1), yv = ys.clone();
                scalar.broadcastRows(bias, 3, ys, 5, rows, n);
                simd.broadcastRows(bias, 3, yv, 5, rows, n);
                assertExact(ys, yv, "broadcastRows rows=" + rows + " n=" + n);
                assertGuards(yv, 5, rows * n, "broadcastRows");
            }
        }
    }

    @Test
    void addColumnSums() {
        Rng rng = new Rng(2);
        for (int n : sizes) {
            for (int rows : new int[] {0, 1, 2, 5, 16, 33}) {
                float[] x = guarded(rng, 3, rows * n, 1), x0 = x.clone();
                float[] ss = guarded(rng, 5, n, 1), sv = ss.clone();
                scalar.addColumnSums(x, 3, ss, 5, rows, n);
                simd.addColumnSums(x, 3, sv, 5, rows, n);
                String where = "addColumnSums rows=" + rows + " n=" + n;
                assertUnchanged(x0, x, where);
                assertGuards(sv, 5, n, where);
                assertClose(ss, sv, 5, n, (rows + 2) * 0x1p-23 * (rows + 1), where);
            }
        }
    }

    // ---- embedding ----------------------------------------------------------------------

    @Test
    void gatherAndScatterAdd() {
        Rng rng = new Rng(3);
        for (int dim : sizes) {
            if (dim > 1025) continue;
            int num = 11;
            for (int count : new int[] {0, 1, 7, 40}) {
                int[] ids = new int[count + 4];
                for (int i = 0; i < ids.length; i++) ids[i] = rng.nextInt(num); // repeats: scatter-add must sum them
                float[] table = guarded(rng, 3, num * dim, 1), table0 = table.clone();
                float[] gs = guarded(rng, 5, count * dim, 1), gv = gs.clone();
                scalar.gather(table, 3, ids, 2, gs, 5, count, dim);
                simd.gather(table, 3, ids, 2, gv, 5, count, dim);
                String where = "gather count=" + count + " dim=" + dim;
                assertExact(gs, gv, where);
                assertGuards(gv, 5, count * dim, where);
                assertUnchanged(table0, table, where);

                float[] src = guarded(rng, 1, count * dim, 1);
                float[] ts = table.clone(), tv = table.clone();
                scalar.scatterAdd(src, 1, ids, 2, ts, 3, count, dim);
                simd.scatterAdd(src, 1, ids, 2, tv, 3, count, dim);
                where = "scatterAdd count=" + count + " dim=" + dim;
                assertGuards(tv, 3, num * dim, where);
                assertClose(ts, tv, 3, num * dim, (count + 2) * 0x1p-23 * (count + 1), where);
            }
        }
    }

    // ---- element-wise -------------------------------------------------------------------

    private interface Unary { void run(Kernels k, float[] x, int xOff, float[] y, int yOff, int n); }

    private interface Binary { void run(Kernels k, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n); }

    @Test
    void reluForward() {
        checkUnary("reluForward", Kernels::reluForward, 1, 0);
    }

    @Test
    void sigmoidForward() {
        checkUnary("sigmoidForward", Kernels::sigmoidForward, 25, 4);
    }

    @Test
    void tanhForward() {
        checkUnary("tanhForward", Kernels::tanhForward, 12, 4);
    }

    @Test
    void reluBackward() {
        checkBinary("reluBackward", Kernels::reluBackward, true);
    }

    @Test
    void sigmoidBackward() {
        checkBinary("sigmoidBackward", Kernels::sigmoidBackward, false);
    }

    @Test
    void tanhBackward() {
        checkBinary("tanhBackward", Kernels::tanhBackward, false);
    }

    @Test
    void multiply() {
        checkBinary("multiply", Kernels::multiply, false);
    }

    /** {@code ulps == 0}: bit-identical; otherwise within that many ulps of the scalar result. */
    private static void checkUnary(String what, Unary op, float range, int ulps) {
        Rng rng = new Rng(what.hashCode());
        for (int n : sizes) {
            for (int[] offs : new int[][] {{0, 0}, {3, 5}, {5, 3}}) {
                float[] x = guarded(rng, offs[0], n, range);
                sprinkleSpecialValues(x, offs[0], n, range);
                float[] x0 = x.clone();
                float[] ys = guarded(rng, offs[1], n, 1), yv = ys.clone();
                op.run(scalar, x, offs[0], ys, offs[1], n);
                op.run(simd, x, offs[0], yv, offs[1], n);
                String where = what + " n=" + n + " offsets " + Arrays.toString(offs);
                assertUnchanged(x0, x, where);
                assertGuards(yv, offs[1], n, where);
                if (ulps == 0) {
                    assertExact(ys, yv, where);
                } else {
                    for (int i = offs[1]; i < offs[1] + n; i++) {
                        float bound = ulps * Math.ulp(Math.abs(ys[i])) + Float.MIN_NORMAL;
                        if (!(Math.abs(ys[i] - yv[i]) <= bound)) {
                            fail(where + " at " + (i - offs[1]) + " (x=" + x[i - offs[1] + offs[0]] + "): scalar "
                                    + ys[i] + ", simd " + yv[i]);
                        }
                    }
                }
                // in place (output aliases input) gives the same values
                float[] inPlace = x.clone();
                op.run(simd, inPlace, offs[0], inPlace, offs[0], n);
                for (int i = 0; i < n; i++) assertEquals(yv[offs[1] + i], inPlace[offs[0] + i], 0f, where + " in place");
            }
        }
    }

    private static void checkBinary(String what, Binary op, boolean zerosInFirst) {
        Rng rng = new Rng(what.hashCode());
        for (int n : sizes) {
            for (int[] offs : new int[][] {{0, 0, 0}, {3, 5, 1}, {1, 3, 5}}) {
                float[] x = guarded(rng, offs[0], n, 1);
                if (zerosInFirst) sprinkleSpecialValues(x, offs[0], n, 1);
                float[] y = guarded(rng, offs[1], n, 3);
                float[] x0 = x.clone(), y0 = y.clone();
                float[] zs = guarded(rng, offs[2], n, 1), zv = zs.clone();
                op.run(scalar, x, offs[0], y, offs[1], zs, offs[2], n);
                op.run(simd, x, offs[0], y, offs[1], zv, offs[2], n);
                String where = what + " n=" + n + " offsets " + Arrays.toString(offs);
                assertUnchanged(x0, x, where);
                assertUnchanged(y0, y, where);
                assertGuards(zv, offs[2], n, where);
                assertExact(zs, zv, where);
            }
        }
    }

    @Test
    void axpyAndScale() {
        Rng rng = new Rng(4);
        for (int n : sizes) {
            for (float alpha : new float[] {0f, 1f, -1f, 0.37f, -3.5e-3f}) {
                float[] x = guarded(rng, 3, n, 2), x0 = x.clone();
                float[] ys = guarded(rng, 5, n, 2), yv = ys.clone();
                scalar.axpy(alpha, x, 3, ys, 5, n);
                simd.axpy(alpha, x, 3, yv, 5, n);
                String where = "axpy alpha=" + alpha + " n=" + n;
                assertUnchanged(x0, x, where);
                assertGuards(yv, 5, n, where);
                assertExact(ys, yv, where);

                float[] ss = guarded(rng, 3, n, 2), sv = ss.clone();
                scalar.scale(alpha, ss, 3, n);
                simd.scale(alpha, sv, 3, n);
                assertGuards(sv, 3, n, "scale");
                assertExact(ss, sv, "scale alpha=" + alpha + " n=" + n);
            }
        }
    }

    // ---- loss ---------------------------------------------------------------------------

    @Test
    void softmaxCrossEntropy() {
        Rng rng = new Rng(5);
        int[] classCounts = IntStream.concat(IntStream.of(sizes), IntStream.of(2 * lanes + 3, 3 * lanes))
                .filter(c -> c >= 1 && c <= 1025).distinct().toArray();
        for (int classes : classCounts) {
            for (int rows : new int[] {0, 1, 3, 8}) {
                for (float range : new float[] {3f, 80f}) {
                    float[] logits = guarded(rng, 3, rows * classes, range), logits0 = logits.clone();
                    int[] labels = new int[rows + 2];
                    for (int r = 0; r < labels.length; r++) labels[r] = rng.nextInt(classes);
                    float[] ps = guarded(rng, 5, rows * classes, 1), pv = ps.clone();
                    double ls = scalar.softmaxCrossEntropy(logits, 3, labels, 2, ps, 5, rows, classes);
                    double lv = simd.softmaxCrossEntropy(logits, 3, labels, 2, pv, 5, rows, classes);
                    String where = "softmaxCrossEntropy rows=" + rows + " classes=" + classes + " range=" + range;
                    assertUnchanged(logits0, logits, where);
                    assertGuards(pv, 5, rows * classes, where);
                    assertEquals(ls, lv, 1e-5 * (Math.abs(ls) + rows), where + " loss");
                    for (int i = 5; i < 5 + rows * classes; i++) {
                        if (!(Math.abs(ps[i] - pv[i]) <= 1e-5 * Math.abs(ps[i]) + 1e-37)) {
                            fail(where + " prob " + (i - 5) + ": scalar " + ps[i] + ", simd " + pv[i]);
                        }
                    }

                    float[] ds = guarded(rng, 1, rows * classes, 1), dv = ds.clone();
                    float scale = rows == 0 ? 1f : 1f / rows;
                    scalar.softmaxCrossEntropyBackward(ps, 5, labels, 2, ds, 1, rows, classes, scale);
                    simd.softmaxCrossEntropyBackward(ps, 5, labels, 2, dv, 1, rows, classes, scale);
                    assertGuards(dv, 1, rows * classes, "softmaxCrossEntropyBackward");
                    assertExact(ds, dv, "softmaxCrossEntropyBackward rows=" + rows + " classes=" + classes);
                }
            }
        }
    }

    // ---- optimisers ---------------------------------------------------------------------

    /**
     * adamDecay(k) in both implementations equals k adamStep calls on parameters with g = 0 and
     * m = +0 (which leave p as it is): moments near the flush threshold, tiny, zero, -0, huge,
     * +inf and NaN; step counts 0, 1, 63, 64, 65 and 3,000 (where most flush to 0 on the way).
     */
    @Test
    void adamDecayIsRepeatedRestingAdamSteps() {
        Rng rng = new Rng(16);
        for (int n : sizes) {
            for (int steps : new int[] {0, 1, 63, 64, 65, 3000}) {
                int off = 3 + n % 5, len = off + n + 7;
                float[] v = new float[len];
                for (int i = 0; i < len; i++) {
                    v[i] = i % 6 == 0 ? rng.uniform(0f, 2e-30f) : i % 11 == 0 ? 0f : i % 13 == 0 ? -0f
                            : i % 17 == 0 ? 3e38f : i % 19 == 0 ? Float.POSITIVE_INFINITY : i % 23 == 0 ? Float.NaN
                            : i % 3 == 0 ? rng.uniform(0f, 1e-27f) : rng.uniform(0f, 0.01f);
                }
                float[] vs = v.clone(), vv = v.clone(), ref = v.clone();
                float[] p = new float[len], p0 = new float[len], g = new float[len], m = new float[len];
                for (int i = 0; i < len; i++) p[i] = p0[i] = rng.uniform(-1, 1);
                for (int t = 1; t <= steps; t++) {
                    float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, t)));
                    float sqrtBc2 = (float) Math.sqrt(1 - Math.pow(0.999, t));
                    scalar.adamStep(p, g, m, ref, off, n, stepSize, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, sqrtBc2, 0f);
                }
                scalar.adamDecay(vs, off, n, steps, 0.999f);
                simd.adamDecay(vv, off, n, steps, 0.999f);
                String where = "adamDecay n=" + n + " off=" + off + " steps=" + steps;
                for (int i = off; i < off + n; i++) {
                    if (Float.isNaN(ref[i])) continue;   // p turns NaN there: such a row never rests
                    assertEquals(Float.floatToRawIntBits(p0[i]), Float.floatToRawIntBits(p[i]), where + ": a resting adamStep moved p at " + i);
                    assertEquals(0, Float.floatToRawIntBits(m[i]), where + ": a resting adamStep left m != +0 at " + i);
                }
                assertExact(ref, vs, where + " (scalar vs adamStep)");
                assertExact(vs, vv, where + " (simd vs scalar)");
                for (int i = 0; i < len; i++) {
                    if (i < off || i >= off + n) assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(vv[i]), where + ": touched v outside its range at " + i);
                }
            }
        }
    }

    /**
     * adamStepNoGrad in both implementations equals adamStep with gradients +0 and -0 and no weight
     * decay, bit for bit: moments near the flush threshold (both signs), tiny, +0, -0, huge, +inf and
     * NaN, over 4 steps with the bias correction below 1 and exactly 1.
     */
    @Test
    void adamStepNoGradIsAdamStepWithZeroGradients() {
        Rng rng = new Rng(17);
        for (int n : sizes) {
            int off = 3 + n % 5, len = off + n + 7;
            float[] p = new float[len], g = new float[len], m = new float[len], v = new float[len];
            for (int i = 0; i < len; i++) {
                p[i] = i % 29 == 0 ? -0f : rng.uniform(-1, 1);
                g[i] = i % 2 == 0 ? 0f : -0f;
                m[i] = i % 4 == 0 ? rng.uniform(-2e-29f, 2e-29f) : i % 9 == 0 ? 0f : i % 10 == 0 ? -0f
                        : i % 31 == 0 ? Float.NaN : i % 37 == 0 ? -3e38f : rng.uniform(-0.1f, 0.1f);
                v[i] = i % 6 == 0 ? rng.uniform(0f, 2e-29f) : i % 11 == 0 ? 0f : i % 13 == 0 ? -0f
                        : i % 17 == 0 ? 3e38f : i % 19 == 0 ? Float.POSITIVE_INFINITY : i % 23 == 0 ? Float.NaN
                        : rng.uniform(0f, 0.01f);
            }
            float[] pr = p.clone(), mr = m.clone(), vr = v.clone();   // adamStep with g = ±0
            float[] ps = p.clone(), ms = m.clone(), vs = v.clone();   // scalar adamStepNoGrad
            float[] pv = p.clone(), mv = m.clone(), vv = v.clone();   // simd adamStepNoGrad
            for (int step = 1; step <= 4; step++) {
                float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, step)));
                float sqrtBc2 = step == 4 ? 1f : (float) Math.sqrt(1 - Math.pow(0.999, step));
                scalar.adamStep(pr, g, mr, vr, off, n, stepSize, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, sqrtBc2, 0f);
                scalar.adamStepNoGrad(ps, ms, vs, off, n, stepSize, 0.9f, 0.999f, 1e-8f, sqrtBc2);
                simd.adamStepNoGrad(pv, mv, vv, off, n, stepSize, 0.9f, 0.999f, 1e-8f, sqrtBc2);
                String where = "adamStepNoGrad n=" + n + " off=" + off + " step " + step;
                assertExact(pr, ps, where + " (params, scalar vs adamStep)");
                assertExact(mr, ms, where + " (first moments, scalar vs adamStep)");
                assertExact(vr, vs, where + " (second moments, scalar vs adamStep)");
                assertExact(ps, pv, where + " (params, simd vs scalar)");
                assertExact(ms, mv, where + " (first moments, simd vs scalar)");
                assertExact(vs, vv, where + " (second moments, simd vs scalar)");
            }
            for (int i = 0; i < len; i++) {
                if (i < off || i >= off + n) {
                    assertEquals(Float.floatToRawIntBits(p[i]), Float.floatToRawIntBits(pv[i]), "adamStepNoGrad touched p outside its range at " + i);
                    assertEquals(Float.floatToRawIntBits(m[i]), Float.floatToRawIntBits(mv[i]), "adamStepNoGrad touched m outside its range at " + i);
                    assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(vv[i]), "adamStepNoGrad touched v outside its range at " + i);
                }
            }
        }
    }

    @Test
    void adamStepIsBitIdentical() {
        Rng rng = new Rng(6);
        for (int n : sizes) {
            for (float wd : new float[] {0f, 0.01f}) {
                int off = 3 + n % 5;
                int len = off + n + 7;
                float[] p = new float[len], g = new float[len], m = new float[len], v = new float[len];
                for (int i = 0; i < len; i++) {
                    p[i] = rng.uniform(-1, 1);
                    g[i] = i % 5 == 0 ? 0f : rng.uniform(-1, 1) * (i % 7 == 0 ? 1e-20f : 1f);
                    // moments around the flush threshold, large, tiny and zero
                    m[i] = i % 4 == 0 ? rng.uniform(-2e-30f, 2e-30f) : i % 9 == 0 ? 0f : rng.uniform(-0.1f, 0.1f);
                    v[i] = i % 6 == 0 ? rng.uniform(0f, 2e-30f) : i % 11 == 0 ? 0f : rng.uniform(0f, 0.01f);
                }
                float[] ps = p.clone(), ms = m.clone(), vs = v.clone();
                float[] pv = p.clone(), mv = m.clone(), vv = v.clone(), g0 = g.clone();
                for (int step = 1; step <= 3; step++) {
                    float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, step)));
                    float sqrtBc2 = (float) Math.sqrt(1 - Math.pow(0.999, step));
                    scalar.adamStep(ps, g, ms, vs, off, n, stepSize, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, sqrtBc2, wd);
                    simd.adamStep(pv, g, mv, vv, off, n, stepSize, 0.9f, 0.1f, 0.999f, 0.001f, 1e-8f, sqrtBc2, wd);
                    String where = "adamStep n=" + n + " off=" + off + " wd=" + wd + " step " + step;
                    assertExact(ps, pv, where + " (params)");
                    assertExact(ms, mv, where + " (first moments)");
                    assertExact(vs, vv, where + " (second moments)");
                    assertUnchanged(g0, g, where + " (grads)");
                }
                for (int i = 0; i < len; i++) {
                    if (i < off || i >= off + n) {
                        assertEquals(p[i], pv[i], 0f, "adamStep touched p outside its range at " + i);
                        assertEquals(m[i], mv[i], 0f, "adamStep touched m outside its range at " + i);
                        assertEquals(v[i], vv[i], 0f, "adamStep touched v outside its range at " + i);
                    }
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    /** An array of {@code off + n + 7} floats: random in ±range on [off, off+n), GUARD elsewhere. */
    static float[] guarded(Rng rng, int off, int n, float range) {
        float[] a = new float[off + n + 7];
        Arrays.fill(a, GUARD);
        for (int i = off; i < off + n; i++) a[i] = rng.uniform(-range, range);
        return a;
    }

    /** Zeros, negative zeros, tiny and subnormal values, and the range ends. */
    private static void sprinkleSpecialValues(float[] x, int off, int n, float range) {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, range, -range, 1e-3f};
        for (int i = 0; i < n; i += 3) x[off + i] = special[(i / 3) % special.length];
    }

    private static void assertGuards(float[] a, int off, int n, String where) {
        for (int i = 0; i < a.length; i++) {
            if ((i < off || i >= off + n) && a[i] != GUARD) fail(where + ": wrote outside its range, at index " + i + " (range " + off + ".." + (off + n) + ")");
        }
    }

    private static void assertUnchanged(float[] before, float[] after, String where) {
        if (!Arrays.equals(before, after)) fail(where + ": an input array was modified");
    }

    private static void assertExact(float[] expected, float[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(where + ": not bit-identical at index " + i + ": scalar " + expected[i] + ", simd " + actual[i]);
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, int off, int n, double relTol, String where) {
        for (int i = off; i < off + n; i++) {
            double bound = relTol * (1 + Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                fail(where + " at " + (i - off) + ": scalar " + expected[i] + ", simd " + actual[i]);
            }
        }
    }
}
