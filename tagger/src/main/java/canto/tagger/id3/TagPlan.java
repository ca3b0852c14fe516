package canto.tagger.id3;

import java.util.List;

/**
 * The tag we mean to write to one file.
 *
 * @param version   the tag version to write
 * @param frames    every frame of the new tag (TPE1 / TIT2 included)
 * @param artist    the TPE1 text we set, or null when TPE1 is left as it was
 * @param title     the TIT2 text we set, or null when TIT2 is left as it was
 * @param notes     remarks for the user (version conversion, version kept and why)
 * @param unchanged true when the file already holds exactly this: nothing to write
 */
record TagPlan(Id3Version version, List<RawFrame> frames, String artist, String title, List<String> notes, boolean unchanged) {
    TagPlan {
        frames = List.copyOf(frames);
        notes = List.copyOf(notes);
    }
}
