package canto.tagger.id3;

/**
 * The 10-byte header of an ID3v2 tag at the start of a file.
 *
 * @param major    2, 3 or 4; 0 when the file has no ID3v2 tag
 * @param flags    the header flags (0x80 unsynchronisation, 0x40 extended header, 0x20
 *                 experimental, 0x10 footer in 2.4; 0x40 compression in 2.2)
 * @param length   bytes from the start of the file to the end of the tag (header, frames,
 *                 padding and, for 2.4, the footer); 0 without a tag
 */
record TagHeader(int major, int flags, long length) {
    static final int SIZE = 10;
    static final TagHeader NONE = new TagHeader(0, 0, 0);

    boolean present() { return length > 0; }

    boolean unsynchronised() { return (flags & 0x80) != 0; }

    boolean extended() { return major >= 3 && (flags & 0x40) != 0; }

    boolean footer() { return major == 4 && (flags & 0x10) != 0; }

    /**
     * Reads the header from the first {@code n} bytes {@code h} of a file of {@code fileSize}
     * bytes; {@link #NONE} when the file does not start with {@code ID3}.
     */
    static TagHeader read(byte[] h, int n, long fileSize) throws TagException {
        if (n < 3 || h[0] != 'I' || h[1] != 'D' || h[2] != '3') return NONE;
        if (n < SIZE) throw new TagException("truncated ID3v2 tag header (" + n + " bytes)");
        int major = h[3] & 0xFF, minor = h[4] & 0xFF, flags = h[5] & 0xFF;
        if (major == 0xFF || minor == 0xFF) throw new TagException("damaged ID3v2 tag header (version byte 0xFF)");
        if (major < 2 || major > 4) throw new TagException("has an ID3v2." + major + " tag, a version that does not exist (2.2, 2.3 and 2.4 do)");
        long size = 0;
        for (int i = 6; i < 10; i++) {
            if ((h[i] & 0x80) != 0) throw new TagException("damaged ID3v2 tag header (bad tag size)");
            size = (size << 7) | (h[i] & 0x7F);
        }
        int unknown = major == 4 ? 0x0F : major == 3 ? 0x1F : 0x3F;
        if ((flags & unknown) != 0) {
            throw new TagException(String.format("damaged ID3v2 tag header (unknown flags 0x%02X)", flags));
        }
        if (major == 2 && (flags & 0x40) != 0) {
            throw new TagException("ID3v2.2 tag with compression, which ID3v2.2 never defined; not rewritten");
        }
        long length = SIZE + size + (major == 4 && (flags & 0x10) != 0 ? SIZE : 0);
        if (length > fileSize) {
            throw new TagException("truncated or damaged: the ID3v2 tag claims " + length + " bytes but the file has " + fileSize);
        }
        return new TagHeader(major, flags, length);
    }
}
