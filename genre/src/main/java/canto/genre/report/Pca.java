package canto.genre.report;

/**
 * Principal component analysis of a small-width matrix {@code [rows, dim]}: the rows are
 * centred, the {@code dim x dim} covariance is diagonalised with cyclic Jacobi rotations (in
 * double), and the rows are projected on the leading eigenvectors. Each component's sign is
 * fixed so that its largest-magnitude coefficient is positive (scikit-learn fixes signs by
 * another rule, so axes may be mirrored with respect to it; the picture is the same).
 */
public final class Pca {
    private final double[] mean;          // [dim]
    private final double[][] components;  // [k][dim], unit vectors, by decreasing variance
    private final double[] variances;     // [k]
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /** Fits {@code k} components to rows {@code [0, rows)} of {@code x [rows, dim]} (row-major from {@code off}). */
    public static Pca fit(float[] x, int off, int rows, int dim, int k) {
        if (rows < 2 || dim < 1 || k < 1 || k > dim) throw new IllegalArgumentException("PCA needs >= 2 rows and 1 <= k <= dim");
        double[] mean = new double[dim];
        for (int r = 0; r < rows; r++) for (int j = 0; j < dim; j++) mean[j] += x[off + r * dim + j];
        for (int j = 0; j < dim; j++) mean[j] /= rows;
        double[][] cov = new double[dim][dim];
        for (int r = 0; r < rows; r++) {
            int base = off + r * dim;
            for (int i = 0; i < dim; i++) {
                double di = x[base + i] - mean[i];
                for (int j = i; j < dim; j++) cov[i][j] += di * (x[base + j] - mean[j]);
            }
        }
        for (int i = 0; i < dim; i++) for (int j = i; j < dim; j++) { cov[i][j] /= rows - 1; cov[j][i] = cov[i][j]; }

        double[][] vectors = new double[dim][dim];   // columns are eigenvectors
        double[] values = jacobi(cov, vectors);
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] comps = new double[k][dim];
        double[] vars = new double[k];
        for (int c = 0; c < k; c++) {
            int col = order[c];
            int biggest = 0;
            for (int j = 0; j < dim; j++) {
                comps[c][j] = vectors[j][col];
                if (Math.abs(comps[c][j]) > Math.abs(comps[c][biggest])) biggest = j;
            }
            if (comps[c][biggest] < 0) for (int j = 0; j < dim; j++) comps[c][j] = -comps[c][j];
            vars[c] = values[col];
        }
        double total = 0;
        for (double v : values) total += v;
        return new Pca(mean, comps, vars, total);
    }

    /** Unit component vectors {@code [k][dim]}, by decreasing variance. */
    public double[][] components() { return components; }
    /** The variance along each component. */
    public double[] variances() { return variances; }
    /** The total variance of the rows (all dim directions). */
    public double totalVariance() { return totalVariance; }

    /** Projections {@code [rows, k]} of rows {@code [0, rows)} of {@code x [rows, dim]}. */
    public double[] transform(float[] x, int off, int rows) {
        int dim = mean.length, k = components.length;
        double[] out = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < dim; j++) s += (x[off + r * dim + j] - mean[j]) * components[c][j];
                out[r * k + c] = s;
            }
        }
        return out;
    }

    /** Eigenvalues of symmetric {@code a} (destroyed); eigenvectors into the columns of {@code v}. */
    private static double[] jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int i = 0; i < n; i++) { java.util.Arrays.fill(v[i], 0); v[i][i] = 1; }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {        // A = Jᵀ A J
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {        // V = V J
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i][i];
        return values;
    }
}
