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
 * @param tagVersion the version the tag's frames are in (an ID3v2.2 tag is read as 2.3), or null without a tag
 * @param frames     the frames of that tag, in tag order
 * @param repairs    what reading changed (decompressed frames, a dropped footer, ...): a rewrite is needed to
 *                   write the tag cleanly; empty for a plain tag
 * @param audioStart where the first MPEG audio frame is, counted from the end of the ID3v2 tag
 * @param id3v1      the 128-byte ID3v1 tag at the end of the file, or null
 */
record Mp3Facts(Path file, long size, FileTime modified, long tagLength, Id3Version tagVersion,
                List<RawFrame> frames, List<String> repairs, long audioStart, byte[] id3v1) {

    boolean hasId3v1() {
        return id3v1 != null;
    }

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
