package canto.tagger.id3;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * What we read from an MP3 file before changing it.
 *
 * @param file       the file (real path)
 * @param size       its size in bytes
 * @param modified   its last-modified time (to notice a change by someone else before we replace it)
 * @param tagLength  bytes of the ID3v2 tag at its start (0 without one); every byte after it is kept as it is
 * @param tagVersion the version of that tag, or null without one
 * @param frames     the frames of that tag, in mp3agic's order (by id)
 * @param audioStart where mp3agic finds the first MPEG audio frame, counted from the end of the ID3v2 tag
 * @param hasId3v1   whether the file ends with an ID3v1 tag
 */
record Mp3Facts(Path file, long size, FileTime modified, long tagLength, Id3Version tagVersion,
                List<RawFrame> frames, long audioStart, boolean hasId3v1) {

    /** The text of the only frame with this id, or null (none, several, or unreadable). */
    String text(String id) {
        RawFrame found = null;
        for (RawFrame f : frames) {
            if (!f.id().equals(id)) continue;
            if (found != null) return null;
            found = f;
        }
        return found == null ? null : Id3Text.decodeTextFrame(found.data());
    }

    /** The encoding byte of the only frame with this id, or -1. */
    int encodingOf(String id) {
        int enc = -1, n = 0;
        for (RawFrame f : frames) {
            if (f.id().equals(id)) { enc = f.encoding(); n++; }
        }
        return n == 1 ? enc : -1;
    }
}
