package canto.tagger.id3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Walks the frames of an ID3v2.3 / 2.4 tag the way mp3agic 0.9.1 does and refuses a tag that
 * mp3agic would read wrongly or wastefully, before mp3agic sees it:
 * <ul>
 *   <li>whole-tag unsynchronisation (mp3agic does not undo it, so frame data would be
 *       rewritten still stuffed) and an extended header (mp3agic then reads frames from the
 *       wrong offset and would see none of them);</li>
 *   <li>a frame that claims more bytes than the tag has left (mp3agic allocates the claimed
 *       size before it notices, so one damaged size field could cost gigabytes);</li>
 *   <li>bytes other than zero padding after the last frame mp3agic can read: mp3agic stops at
 *       the first unreadable frame header and would silently drop the frames after it, and
 *       our rewrite would then lose them.</li>
 * </ul>
 */
final class TagLayoutCheck {
    private TagLayoutCheck() {}

    /** Checks the tag at the start of {@code file} and returns how many frames it holds. */
    static int check(Path file, TagHeader header) throws IOException, TagException {
        if (header.major() != 3 && header.major() != 4) return 0;
        byte[] tag = new byte[(int) header.length()];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(tag, 0, tag.length) != tag.length) throw new TagException("the file ended while its ID3v2 tag was read");
        }
        int flags = tag[5] & 0xFF;
        if ((flags & 0x80) != 0) throw new TagException("ID3v2 tag uses unsynchronisation, which is not rewritten safely");
        if ((flags & 0x40) != 0) throw new TagException("ID3v2 tag has an extended header, which is not rewritten safely");
        boolean footer = header.major() == 4 && (flags & 0x10) != 0;
        int end = tag.length - (footer ? TagHeader.SIZE : 0);
        int limit = tag.length - TagHeader.SIZE - (footer ? 2 * TagHeader.SIZE : 0); // mp3agic reads frames starting up to here
        int at = TagHeader.SIZE, frames = 0;
        while (at <= limit && at + 10 <= end && frameIdChars(tag, at)) {
            long size = header.major() == 4 ? synchsafe(tag, at + 4) : int32(tag, at + 4);
            long left = end - at - 10L;
            if (size > left) {
                throw new TagException("damaged ID3v2 tag: frame " + new String(tag, at, 4, StandardCharsets.ISO_8859_1)
                        + " claims " + size + " bytes but only " + left + " are left");
            }
            at += 10 + (int) size;
            frames++;
        }
        for (int i = at; i < end; i++) {
            if (tag[i] != 0) throw new TagException("damaged ID3v2 tag: unreadable frame at byte " + at + " (its frames would be lost)");
        }
        return frames;
    }

    private static boolean frameIdChars(byte[] b, int at) {
        for (int i = at; i < at + 4; i++) {
            char c = (char) (b[i] & 0xFF);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }

    private static long int32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long synchsafe(byte[] b, int at) {
        return ((b[at] & 0x7F) << 21) | ((b[at + 1] & 0x7F) << 14) | ((b[at + 2] & 0x7F) << 7) | (b[at + 3] & 0x7F);
    }
}
