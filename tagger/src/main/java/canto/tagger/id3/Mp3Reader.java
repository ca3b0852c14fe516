package canto.tagger.id3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Reads what we need of an MP3 file: its ID3v2 tag ({@link TagReader}), that real MPEG audio
 * follows it ({@link MpegAudio}; other containers are named by {@link FileKind}), and its
 * ID3v1 tag. Every way a file can be unfit becomes a {@link TagException} with a one-line reason.
 */
final class Mp3Reader {
    /** Read first after the tag; enough for the audio check of nearly every file. */
    private static final int FIRST_LOOK = 1 << 16;

    private Mp3Reader() {}

    static Mp3Facts read(Path file) throws IOException, TagException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.isDirectory()) throw new TagException("is a folder, not a file");
        if (!attrs.isRegularFile()) throw new TagException("not a regular file");
        long size = attrs.size();
        if (size == 0) throw new TagException("empty file");
        FileTime modified = attrs.lastModifiedTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = new byte[TagHeader.SIZE];
            int n = readAt(ch, 0, head, head.length);
            TagHeader header = TagHeader.read(head, n, size);
            Id3Version version = null;
            List<RawFrame> frames = List.of();
            List<String> repairs = List.of();
            if (header.present()) {
                if (header.length() > Integer.MAX_VALUE - 16) throw new TagException("damaged ID3v2 tag (claims more than 2 GB)");
                byte[] tag = new byte[(int) header.length()];
                if (readAt(ch, 0, tag, tag.length) != tag.length) throw new TagException("the file ended while its ID3v2 tag was read");
                TagReader.Tag t = TagReader.read(tag, header);
                version = t.version();
                frames = t.frames();
                repairs = t.repairs();
            }
            byte[] id3v1 = null;
            if (size - header.length() >= 128) {
                byte[] tail = new byte[128];
                if (readAt(ch, size - 128, tail, 128) == 128 && Bytes.startsWith(tail, 0, "TAG")) id3v1 = tail;
            }
            long audioEnd = size - (id3v1 != null ? 128 : 0);
            long audioStart = findAudio(ch, header.length(), audioEnd);
            return new Mp3Facts(file, size, modified, header.length(), version, frames, repairs, audioStart, id3v1);
        }
    }

    /** Where MPEG audio starts after the tag (relative to the tag's end); refuses other kinds of file. */
    private static long findAudio(FileChannel ch, long from, long audioEnd) throws IOException, TagException {
        long available = audioEnd - from;
        int want = (int) Math.min(available, FIRST_LOOK);
        byte[] b = new byte[Math.max(want, 0)];
        int n = readAt(ch, from, b, want);
        String kind = FileKind.sniff(b, n);
        if (kind != null) throw new TagException("is " + kind + ", not MP3");
        int at = MpegAudio.find(b, n, n == available);
        if (at < 0 && available > n) { // rare: junk before the audio; look as far as mutagen does
            int more = (int) Math.min(available, MpegAudio.SEARCH + 16 * 1024);
            b = new byte[more];
            n = readAt(ch, from, b, more);
            at = MpegAudio.find(b, n, n == available);
        }
        if (at < 0 && MpegAudio.freeFormat(b, n)) {
            throw new TagException("free-format MPEG audio (frame headers without a bitrate), which mutagen and ffmpeg"
                    + " cannot read either; not changed");
        }
        if (at < 0) {
            throw new TagException(from > 0 ? "not an MP3 file (no MPEG audio frames after the ID3v2 tag)"
                    : "not an MP3 file (no MPEG audio frames found)");
        }
        return at;
    }

    private static int readAt(FileChannel ch, long pos, byte[] b, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, len);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r < 0) break;
        }
        return buf.position();
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
