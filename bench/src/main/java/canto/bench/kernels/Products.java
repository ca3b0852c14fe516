package canto.bench.kernels;

/** A double-precision reference for the three product layouts, used to check kernels before timing. */
final class Products {
    private Products() {}

    /** How A and B are stored: see {@link canto.engine.kernels.Kernels}. */
    enum Layout { NT, NN, TN }

    /**
     * Checks {@code c[m,n]} against the product in double, allowing
     * {@code 2·k·2⁻²⁴·Σ|a·b|} per element (the rounding bound of a float sum of k terms).
     * For 1024-sized products only a sample of rows is checked, to keep set-up short.
     */
    static void check(String what, float[] c, float[] a, float[] b, int m, int n, int k, Layout layout) {
        int rowStep = m > 64 ? m / 16 + 1 : 1;
        for (int i = 0; i < m; i += rowStep) {
            for (int j = 0; j < n; j++) {
                double sum = 0, abs = 0;
                for (int p = 0; p < k; p++) {
                    double av = layout == Layout.TN ? a[p * m + i] : a[i * k + p];
                    double bv = layout == Layout.NT ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                    abs += Math.abs(av * bv);
                }
                double tol = 2.0 * k * 0x1p-24 * abs + 1e-30;
                float got = c[i * n + j];
                if (!(Math.abs(got - sum) <= tol)) {
                    throw new IllegalStateException(what + ": C[" + i + "," + j + "] = " + got + ", expected " + sum);
                }
            }
        }
    }
}
