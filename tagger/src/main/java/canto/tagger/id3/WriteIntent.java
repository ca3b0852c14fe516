package canto.tagger.id3;

/**
 * What a temporary file must hold before it may replace the original: {@code tagBytes}, then
 * every byte of the original after its old tag up to {@link #copyEnd()}, unchanged, then
 * {@code id3v1} (the new ID3v1 tag, the old one, or nothing).
 *
 * @param original what we read from the original file
 * @param plan     the tag we meant to write
 * @param tagBytes that tag, packed
 */
record WriteIntent(Mp3Facts original, TagPlan plan, byte[] tagBytes) {
    /** Where copying the original stops: before its ID3v1 tag when that is replaced or removed. */
    long copyEnd() {
        return original.size() - (plan.id3v1Changed() && original.hasId3v1() ? 128 : 0);
    }

    /** The ID3v1 tag written after the copied bytes: the new one when it changes, else null (the old one, if any, is copied). */
    byte[] id3v1() {
        return plan.id3v1Changed() ? plan.id3v1() : null;
    }

    /** The size the new file must have. */
    long expectedSize() {
        byte[] v1 = id3v1();
        return tagBytes.length + copyEnd() - original.tagLength() + (v1 == null ? 0 : v1.length);
    }
}
