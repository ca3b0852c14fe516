package canto.tagger.id3;

import java.util.List;

/**
 * The tags we mean to write to one file.
 *
 * @param version      the tag version to write
 * @param frames       every frame of the new tag (TPE1 / TIT2 included)
 * @param artist       the TPE1 text we set, or null when TPE1 is left as it was
 * @param title        the TIT2 text we set, or null when TIT2 is left as it was
 * @param notes        remarks for the user (version conversion, version kept and why, ID3v1, cover)
 * @param unchanged    true when the file already holds exactly this: nothing to write
 * @param id3v1Changed whether the ID3v1 tag at the end changes (updated, or removed)
 * @param id3v1        the new 128-byte ID3v1 tag, or null (none) — used when {@code id3v1Changed}
 */
record TagPlan(Id3Version version, List<RawFrame> frames, String artist, String title, List<String> notes, boolean unchanged,
               boolean id3v1Changed, byte[] id3v1) {
    TagPlan {
        frames = List.copyOf(frames);
        notes = List.copyOf(notes);
    }
}
