package canto.tagger.model;

/**
 * Platt scaling of a parse's risk (the expected number of tokens with another tag, see
 * {@link NeuralTitleParser.Decoded#risk}): {@code p = σ(a · x + b)} with {@code x = −ln(risk)},
 * fitted by {@link #fit} on (risk, parse right?) pairs of titles the model did not train on
 * (cross-validation folds), so that {@code p} is the probability that the whole parse is right.
 * {@link #IDENTITY} ({@code a = 1, b = 0}) gives {@code 1 / (1 + risk)}.
 */
public record Calibration(double a, double b) {
    public static final Calibration IDENTITY = new Calibration(1, 0);

    /** Risks below this count as this (a parse cannot be surer than double precision tells). */
    static final double MIN_RISK = 1e-12;

    public double apply(double risk) {
        if (Double.isNaN(risk)) return risk;
        return sigmoid(a * x(risk) + b);
    }

    /** The calibrated feature, {@code −ln(risk)}. */
    static double x(double risk) { return -StrictMath.log(Math.max(MIN_RISK, risk)); }

    static double logit(double p) { return StrictMath.log(p / (1 - p)); }

    static double sigmoid(double x) { return 1 / (1 + StrictMath.exp(-x)); }

    /**
     * The maximum-likelihood {@code a, b} for these pairs (Newton's method on the log loss, with
     * Platt's smoothed targets {@code (n₊ + 1) / (n₊ + 2)} and {@code 1 / (n₋ + 2)} so a perfectly
     * separated set still gives finite values). Needs at least one pair.
     */
    public static Calibration fit(double[] risk, boolean[] right) {
        int n = risk.length;
        if (n == 0 || right.length != n) throw new IllegalArgumentException("need pairs to calibrate");
        int pos = 0;
        for (boolean r : right) if (r) pos++;
        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (n - pos + 2.0);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = x(risk[i]);
        double a = 1, b = 0;
        for (int it = 0; it < 100; it++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * x[i] + b), t = right[i] ? hi : lo, d = p - t, w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (!(Math.abs(det) > 1e-12)) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            double before = loss(x, right, hi, lo, a, b), step = 1;
            while (step > 1e-6 && loss(x, right, hi, lo, a - step * da, b - step * db) > before) step /= 2; // damped Newton
            a -= step * da;
            b -= step * db;
            if (Math.abs(step * da) < 1e-10 && Math.abs(step * db) < 1e-10) break;
        }
        return new Calibration(a, b);
    }

    private static double loss(double[] x, boolean[] right, double hi, double lo, double a, double b) {
        double l = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b, t = right[i] ? hi : lo;
            // log(1 + e^z) - t·z, stable for large |z|
            l += (z > 0 ? z + StrictMath.log1p(StrictMath.exp(-z)) : StrictMath.log1p(StrictMath.exp(z))) - t * z;
        }
        return l;
    }

    /** {@code "a b"} for the model file's metadata. */
    public String toMetadata() { return a + " " + b; }

    static Calibration fromMetadata(String v, String source) {
        if (v == null) return IDENTITY;
        String[] f = v.trim().split(" ");
        try {
            if (f.length != 2) throw new NumberFormatException();
            return new Calibration(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
        } catch (NumberFormatException e) {
            throw new DataException(source + ": model metadata 'calibration' is not two numbers: " + v);
        }
    }
}
