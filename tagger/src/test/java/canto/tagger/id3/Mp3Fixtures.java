package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small valid MP3 files built in code: silent MPEG-1 Layer III frames, hand-made ID3v2 and ID3v1 tags. */
public final class Mp3Fixtures {
    /** MPEG-1 Layer III, no CRC, 128 kbit/s, 44.1 kHz, no padding, joint stereo, original. */
    static final int HEADER = 0xFFFB9064;
    /** 144 * 128000 / 44100, rounded down (no padding bit). */
    static final int FRAME_LENGTH = 417;

    private Mp3Fixtures() {}

    /** {@code n} silent frames; the payload bytes vary with {@code seed} so audio comparisons are meaningful. */
    public static byte[] audio(int n, int seed) {
        byte[] a = new byte[n * FRAME_LENGTH];
        for (int i = 0; i < n; i++) {
            int at = i * FRAME_LENGTH;
            a[at] = (byte) (HEADER >>> 24);
            a[at + 1] = (byte) (HEADER >>> 16);
            a[at + 2] = (byte) (HEADER >>> 8);
            a[at + 3] = (byte) HEADER;
            // side info + main data left zero (silence), except a few bytes near the end that differ per frame
            a[at + FRAME_LENGTH - 1] = (byte) (seed + i);
            a[at + FRAME_LENGTH - 2] = (byte) (seed * 31 + i * 7);
        }
        return a;
    }

    /** A 128-byte ID3v1 tag. */
    public static byte[] id3v1(String title, String artist) {
        byte[] t = new byte[128];
        t[0] = 'T'; t[1] = 'A'; t[2] = 'G';
        byte[] ti = title.getBytes(StandardCharsets.ISO_8859_1), ar = artist.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(ti, 0, t, 3, Math.min(30, ti.length));
        System.arraycopy(ar, 0, t, 33, Math.min(30, ar.length));
        t[127] = (byte) 255; // genre: none
        return t;
    }

    /** A text frame: encoding byte then the text in that encoding (UTF-16 with BOM FF FE for encoding 1). */
    public static RawFrame text(String id, int encoding, String value) {
        return new RawFrame(id, concat(new byte[] {(byte) encoding}, Id3Text.encode(value, (byte) encoding)));
    }

    /** COMM: encoding, language, description (terminated), text. */
    public static RawFrame comment(int encoding, String description, String value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(encoding);
        b.writeBytes("eng".getBytes(StandardCharsets.ISO_8859_1));
        Id3Text.append(b, description, (byte) encoding, true);
        Id3Text.append(b, value, (byte) encoding, false);
        return new RawFrame("COMM", b.toByteArray());
    }

    /** APIC: encoding, MIME type, picture type 3 (front cover), description, image bytes. */
    public static RawFrame picture(int encoding, String description, byte[] image) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(encoding);
        b.writeBytes("image/jpeg".getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.write(3);
        Id3Text.append(b, description, (byte) encoding, true);
        b.writeBytes(image);
        return new RawFrame("APIC", b.toByteArray());
    }

    /** Some bytes that look like a small image. */
    public static byte[] image(int size, int seed) {
        byte[] img = new byte[size];
        for (int i = 0; i < size; i++) img[i] = (byte) (i * 13 + seed);
        img[0] = (byte) 0xFF; img[1] = (byte) 0xD8; img[2] = (byte) 0xFF; // JPEG SOI
        return img;
    }

    /**
     * An ID3v2 tag (major 3 or 4) made by hand, with {@code padding} zero bytes after the
     * frames: frame sizes are plain 32-bit in 2.3, synchsafe in 2.4.
     */
    public static byte[] tag(int major, int padding, RawFrame... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (RawFrame f : frames) {
            body.writeBytes(f.id().getBytes(StandardCharsets.ISO_8859_1));
            int n = f.data().length;
            body.writeBytes(major == 4 ? synchsafe(n) : new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            body.write(0);
            body.write(0);
            body.writeBytes(f.data());
        }
        body.writeBytes(new byte[padding]);
        byte[] b = body.toByteArray();
        return concat(new byte[] {'I', 'D', '3', (byte) major, 0, 0}, synchsafe(b.length), b);
    }

    static byte[] synchsafe(int n) {
        return new byte[] {(byte) ((n >>> 21) & 0x7F), (byte) ((n >>> 14) & 0x7F), (byte) ((n >>> 7) & 0x7F), (byte) (n & 0x7F)};
    }

    public static byte[] concat(byte[]... parts) {
        return Bytes.concat(parts);
    }

    /** A typical tagged file: v2.3 tag with old TPE1, TALB, COMM, APIC; 30 frames; an ID3v1 tag. */
    public static byte[] richFile() {
        return concat(tag(3, 64,
                        text("TPE1", 0, "Old Artist"),
                        text("TALB", 1, "專輯"),
                        comment(1, "", "留言 comment"),
                        picture(0, "", image(700, 5))),
                audio(30, 1), id3v1("Old Title", "Old Artist"));
    }

    /** An ID3v2.4 tag as ffmpeg writes one (UTF-8 text, TSSE, TDRC), which is what yt-dlp's MP3s carry. */
    public static byte[] ffmpegStyleTag() {
        return tag(4, 0, text("TSSE", 3, "Lavf60.16.100"), text("TDRC", 0, "2019"), comment(3, "", "留言"),
                picture(0, "", image(20_000, 3)));
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** The bytes after the ID3v2 tag at the start of {@code file} (everything when there is none). */
    public static byte[] afterTag(byte[] file) {
        if (file.length < 10 || file[0] != 'I' || file[1] != 'D' || file[2] != '3') return file;
        int size = ((file[6] & 0x7F) << 21) | ((file[7] & 0x7F) << 14) | ((file[8] & 0x7F) << 7) | (file[9] & 0x7F);
        int footer = file[3] == 4 && (file[5] & 0x10) != 0 ? 10 : 0;
        return Arrays.copyOfRange(file, Math.min(file.length, 10 + size + footer), file.length);
    }
}
