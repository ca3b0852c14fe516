package canto.genre.data;

/**
 * What goes into a song's bag besides words, bigrams and trigrams, and how much each kind of
 * n-gram weighs ({@link NgramBags#groupWeighted}).
 *
 * @param charMin shortest character n-gram of a word (code points, with the brackets {@code < >})
 * @param charMax longest character n-gram
 * @param charBuckets their own hash buckets after the word/bigram ones; 0: no character n-grams
 * @param bigramWeight factor on the idf of bigram (and trigram) buckets
 * @param charWeight factor on the idf of character n-gram buckets
 */
public record NgramFeatures(int charMin, int charMax, int charBuckets, double bigramWeight, double charWeight) {
    /** Words and bigrams only, TF-IDF as scikit-learn's. */
    public static final NgramFeatures NONE = new NgramFeatures(0, 0, 0, 1, 1);
    /** Character n-gram buckets C unless told otherwise. */
    public static final int DEFAULT_CHAR_BUCKETS = 1 << 19;

    public NgramFeatures {
        if (charBuckets < 0 || (charBuckets > 0 && (charMin < 1 || charMax < charMin || charMax > 20)))
            throw new IllegalArgumentException("character n-grams need 1 <= min <= max <= 20: " + charMin + "-" + charMax);
        if (!(bigramWeight > 0) || !(charWeight > 0)) throw new IllegalArgumentException("n-gram kind weights must be positive: " + bigramWeight + ", " + charWeight);
    }

    public boolean hasCharNgrams() { return charBuckets > 0; }

    /** True when some kind's weight is not 1. */
    public boolean weighsKinds() { return bigramWeight != 1 || charWeight != 1; }

    /** The hasher of B word/bigram buckets up to {@code order}, with these character n-grams. */
    public NgramHasher hasher(int buckets, int order) { return new NgramHasher(buckets, order, charMin, charMax, charBuckets); }

    public String describe() {
        return (charBuckets > 0 ? "char " + charMin + "-" + charMax + "-grams in " + charBuckets + " buckets (weight " + charWeight + ")" : "no char n-grams")
                + ", bigram weight " + bigramWeight;
    }
}
