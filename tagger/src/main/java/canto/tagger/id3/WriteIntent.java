package canto.tagger.id3;

/**
 * What a temporary file must hold before it may replace the original: {@code tagBytes}, then
 * every byte of the original after its old tag, unchanged.
 *
 * @param original what we read from the original file
 * @param plan     the tag we meant to write
 * @param tagBytes that tag, packed
 */
record WriteIntent(Mp3Facts original, TagPlan plan, byte[] tagBytes) {
    /** The size the new file must have. */
    long expectedSize() {
        return tagBytes.length + original.size() - original.tagLength();
    }
}
