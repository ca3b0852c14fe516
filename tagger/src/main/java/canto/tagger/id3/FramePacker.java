package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes ID3v2.3 / 2.4 tags the plain way every reader knows: no unsynchronisation, no
 * extended header, no footer, no compression; frame sizes as 32-bit integers in 2.3 and
 * synchsafe in 2.4; the only frame flag used is grouping, for frames that had a group id.
 */
final class FramePacker {
    /** Zero bytes after the frames, so that other tools can later edit the tag in place. */
    static final int PADDING = 256;
    /** The largest size a synchsafe field holds: 2^28 - 1 (256 MB). */
    static final int MAX_SIZE = (1 << 28) - 1;

    private FramePacker() {}

    /** The frames one after the other in the layout of ID3v2.{@code major} (3 or 4). */
    static byte[] frames(List<RawFrame> frames, int major) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RawFrame f : frames) {
            int size = f.data().length + (f.group() >= 0 ? 1 : 0);
            if (size > MAX_SIZE) throw new IllegalArgumentException("frame " + f.id() + " is larger than 256 MB");
            out.writeBytes(f.id().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(major == 4 ? synchsafe(size) : int32(size));
            int flags = f.group() < 0 ? 0 : major == 4 ? 0x0040 : 0x0020;
            out.write(flags >>> 8);
            out.write(flags);
            if (f.group() >= 0) out.write(f.group());
            out.writeBytes(f.data());
        }
        return out.toByteArray();
    }

    /** A whole tag: header, frames, {@link #PADDING} zero bytes. */
    static byte[] tag(List<RawFrame> frames, Id3Version version) throws TagException {
        byte[] body;
        try {
            body = frames(frames, version.major());
        } catch (IllegalArgumentException e) {
            throw new TagException("cannot build the new tag (" + e.getMessage() + ")");
        }
        long size = (long) body.length + PADDING;
        if (size > MAX_SIZE) throw new TagException("cannot build the new tag (it would be larger than 256 MB)");
        byte[] out = new byte[TagHeader.SIZE + (int) size];
        out[0] = 'I'; out[1] = 'D'; out[2] = '3';
        out[3] = (byte) version.major();
        System.arraycopy(synchsafe((int) size), 0, out, 6, 4);
        System.arraycopy(body, 0, out, TagHeader.SIZE, body.length);
        return out;
    }

    static byte[] synchsafe(int n) {
        return new byte[] {(byte) ((n >>> 21) & 0x7F), (byte) ((n >>> 14) & 0x7F), (byte) ((n >>> 7) & 0x7F), (byte) (n & 0x7F)};
    }

    static byte[] int32(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
