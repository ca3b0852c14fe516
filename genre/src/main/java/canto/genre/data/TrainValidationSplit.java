package canto.genre.data;

import canto.engine.util.Rng;

/**
 * A shuffled train/validation split as scikit-learn's {@code train_test_split(test_size=0.2)}:
 * {@code ceil(0.2 * n)} validation rows (computed in double, as Python does), the rest for
 * training; the rows are permuted with the given generator, the first {@code ceil(0.2 n)}
 * of the permutation go to validation and the others, in permutation order, to training.
 */
public final class TrainValidationSplit {
    public static final double VALIDATION_FRACTION = 0.2;

    private final int[] train;
    private final int[] validation;

    private TrainValidationSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    /** The number of validation rows for {@code n} rows: {@code ceil(0.2 * n)}. */
    public static int validationSize(int n) { return (int) Math.ceil(VALIDATION_FRACTION * n); }

    public static TrainValidationSplit shuffled(int n, Rng rng) {
        int nVal = validationSize(n);
        if (n - nVal < 1) throw new IllegalArgumentException(n + " rows are too few to split into training and validation");
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        rng.shuffle(perm);
        return new TrainValidationSplit(java.util.Arrays.copyOfRange(perm, nVal, n), java.util.Arrays.copyOfRange(perm, 0, nVal));
    }

    /** Row indices of the training split. */
    public int[] train() { return train; }
    /** Row indices of the validation split. */
    public int[] validation() { return validation; }
}
