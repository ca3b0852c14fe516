package canto.tagger.id3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ID3v2 tag header at the start of an MP3 file, read by hand so that we know exactly
 * where the tag ends and the rest of the file (audio, ID3v1, anything else) begins.
 *
 * @param major  the major version (2, 3 or 4), or 0 when the file has no ID3v2 tag
 * @param length bytes from the start of the file to the end of the tag (header, frames,
 *               padding and, for 2.4, the footer); 0 without a tag
 */
record TagHeader(int major, long length) {
    static final int SIZE = 10;

    boolean present() { return length > 0; }

    /** Reads the header of {@code file}, which has {@code fileSize} bytes. */
    static TagHeader read(Path file, long fileSize) throws IOException, TagException {
        byte[] h = new byte[SIZE];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, SIZE);
        }
        if (n < 3 || h[0] != 'I' || h[1] != 'D' || h[2] != '3') return new TagHeader(0, 0);
        if (n < SIZE) throw new TagException("truncated ID3v2 tag header (" + n + " bytes)");
        int major = h[3] & 0xFF, minor = h[4] & 0xFF, flags = h[5] & 0xFF;
        if (major == 0xFF || minor == 0xFF) throw new TagException("damaged ID3v2 tag header (version byte 0xFF)");
        long size = 0;
        for (int i = 6; i < 10; i++) {
            if ((h[i] & 0x80) != 0) throw new TagException("damaged ID3v2 tag header (bad tag size)");
            size = (size << 7) | (h[i] & 0x7F);
        }
        long length = SIZE + size + (major == 4 && (flags & 0x10) != 0 ? SIZE : 0);
        if (length > fileSize) {
            throw new TagException("truncated or damaged: the ID3v2 tag claims " + length + " bytes but the file has " + fileSize);
        }
        return new TagHeader(major, length);
    }
}
