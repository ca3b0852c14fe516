package canto.tagger.id3;

import com.mpatric.mp3agic.AbstractID3v2Tag;
import com.mpatric.mp3agic.ID3v2FrameSet;
import com.mpatric.mp3agic.NotSupportedException;

/** Packs a {@link TagPlan} into ID3v2 tag bytes with mp3agic (256 bytes of padding, so later edits by other tools fit in place). */
final class TagBytes {
    private TagBytes() {}

    static AbstractID3v2Tag toTag(TagPlan plan) {
        AbstractID3v2Tag tag = plan.version().newTag();
        tag.setPadding(true);
        for (RawFrame f : plan.frames()) {
            tag.getFrameSets().computeIfAbsent(f.id(), ID3v2FrameSet::new).addFrame(plan.version().newFrame(f.id(), f.data()));
        }
        return tag;
    }

    static byte[] pack(TagPlan plan) throws TagException {
        try {
            return toTag(plan).toBytes();
        } catch (NotSupportedException | RuntimeException e) {
            throw new TagException("cannot build the new tag (" + Mp3Reader.describe(e) + ")");
        }
    }
}
