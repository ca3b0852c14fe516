package canto.tagger.id3;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what tag to write: the file's frames with TPE1 / TIT2 replaced by the parsed artist /
 * title (a null value leaves that frame as it is), then carried over to the wanted version when
 * that loses nothing (otherwise the tag keeps its version). Replacing first matters: a frame we
 * replace (a TPE1 with two values, which 2.3 cannot hold) must not keep the old version, or the
 * next run would convert it and the tagger would not be idempotent.
 */
final class TagPlanner {
    static final String ARTIST = "TPE1";
    static final String TITLE = "TIT2";

    private TagPlanner() {}

    static TagPlan plan(Mp3Facts facts, String artist, String title, Id3Version wanted) {
        List<String> notes = new ArrayList<>(facts.repairs());
        List<RawFrame> frames = new ArrayList<>(facts.frames().size() + 2);
        for (RawFrame f : facts.frames()) {
            if (artist != null && f.id().equals(ARTIST)) continue;
            if (title != null && f.id().equals(TITLE)) continue;
            frames.add(f);
        }
        if (artist != null) frames.add(new RawFrame(ARTIST, Id3Text.textFrameData(artist)));
        if (title != null) frames.add(new RawFrame(TITLE, Id3Text.textFrameData(title)));
        Id3Version version = wanted;
        Id3Version had = facts.tagVersion();
        if (had != null && had != wanted) {
            FrameConverter.Result r = FrameConverter.convert(frames, had, wanted);
            if (r.frames() != null) {
                frames = r.frames();
                notes.add("converted " + had + " to " + wanted);
            } else {
                version = had;
                notes.add("kept " + had + ": " + r.refusal());
            }
        }
        boolean unchanged = had == version && facts.repairs().isEmpty()
                && holds(facts, ARTIST, artist, version) && holds(facts, TITLE, title, version);
        return new TagPlan(version, frames, artist, title, unchanged ? List.of() : notes, unchanged);
    }

    /** True when {@code value} is null (frame left alone) or the file's only {@code id} frame holds it in an encoding valid for {@code version}. */
    private static boolean holds(Mp3Facts facts, String id, String value, Id3Version version) {
        if (value == null) return true;
        return value.equals(facts.text(id)) && Id3Text.validIn(version, facts.encodingOf(id));
    }
}
