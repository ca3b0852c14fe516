package canto.tagger.id3;

/** Packs a {@link TagPlan} into ID3v2 tag bytes ({@link FramePacker}: plain layout, 256 bytes of padding). */
final class TagBytes {
    private TagBytes() {}

    static byte[] pack(TagPlan plan) throws TagException {
        return FramePacker.tag(plan.frames(), plan.version());
    }
}
