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
        return plan(facts, artist, title, TagSettings.of(wanted));
    }

    static TagPlan plan(Mp3Facts facts, String artist, String title, TagSettings settings) {
        Id3Version wanted = settings.version();
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
        List<String> coverNotes = new ArrayList<>();
        if (settings.cover() == CoverPolicy.STRIP) frames = CoverArt.strip(frames, coverNotes);
        else if (settings.cover() == CoverPolicy.CAR) frames = CoverArt.forCar(frames, settings.coverSize(), coverNotes);
        boolean coverChanged = !coverNotes.isEmpty() && !coverNotes.get(0).startsWith("cover left");
        notes.addAll(coverNotes);

        byte[] v1 = facts.id3v1();
        boolean v1Changed = false;
        if (v1 != null && settings.id3v1() == Id3v1Policy.STRIP) {
            v1Changed = true;
            v1 = null;
            notes.add("removed the ID3v1 tag");
        } else if (v1 != null && settings.id3v1() == Id3v1Policy.UPDATE) {
            List<String> v1Notes = new ArrayList<>();
            byte[] updated = Id3v1.updated(v1, artist, title, TagSettings.charset(settings.id3v1Encoding()), settings.id3v1Encoding(), v1Notes);
            if (!java.util.Arrays.equals(updated, v1)) {
                v1Changed = true;
                v1 = updated;
                notes.addAll(v1Notes);
            }
        }
        boolean unchanged = had == version && facts.repairs().isEmpty() && !coverChanged && !v1Changed
                && holds(facts, ARTIST, artist, version) && holds(facts, TITLE, title, version);
        return new TagPlan(version, frames, artist, title, unchanged ? List.of() : notes, unchanged, v1Changed, v1);
    }

    /** True when {@code value} is null (frame left alone) or the file's only {@code id} frame holds it in an encoding valid for {@code version}. */
    private static boolean holds(Mp3Facts facts, String id, String value, Id3Version version) {
        if (value == null) return true;
        return value.equals(facts.text(id)) && Id3Text.validIn(version, facts.encodingOf(id));
    }
}
