package canto.tagger.id3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a whole ID3v2 tag (header, optional extended header, frames, padding, optional
 * footer) as mutagen does; see {@link FrameReader} for the frames.
 */
final class TagReader {
    /**
     * What the tag holds.
     *
     * @param version the version its frames are now in: ID3v2.2 frames are read as 2.3 ones
     * @param frames  the frames, in tag order
     * @param repairs every change made while reading (empty when a rewrite would give back the same frames)
     */
    record Tag(Id3Version version, List<RawFrame> frames, List<String> repairs) {}

    private TagReader() {}

    /** @param tag the tag's bytes, {@code header.length()} of them */
    static Tag read(byte[] tag, TagHeader header) throws TagException {
        List<String> repairs = new ArrayList<>();
        int end = tag.length - (header.footer() ? TagHeader.SIZE : 0);
        if (header.footer()) {
            if (!Bytes.startsWith(tag, end, "3DI")) throw new TagException("damaged ID3v2.4 tag: its footer is missing");
            repairs.add("dropped the ID3v2.4 footer");
        }
        int at = TagHeader.SIZE;
        if (header.extended()) {
            at = skipExtendedHeader(tag, at, end, header.major(), repairs);
        }
        byte[] body = Arrays.copyOfRange(tag, at, end);
        if (header.unsynchronised()) {
            if (header.major() < 4) {
                body = Unsynchronisation.decode(body);
                repairs.add("undid the tag's unsynchronisation");
            } else {
                repairs.add("undid unsynchronisation"); // per frame, in FrameReader
            }
        }
        List<RawFrame> frames = new FrameReader(header.major(), header.major() == 4 && header.unsynchronised(), repairs)
                .read(body, "");
        if (header.major() == 2) repairs.add(0, "read ID3v2.2 as ID3v2.3");
        Id3Version version = header.major() == 4 ? Id3Version.V2_4 : Id3Version.V2_3;
        return new Tag(version, List.copyOf(frames), List.copyOf(repairs));
    }

    /**
     * Skips the extended header: 2.3 gives its size without the size field (6 or 10), 2.4 as a
     * synchsafe size including it. As mutagen does, a frame id where the size should be means
     * a writer set the flag without writing the header.
     */
    private static int skipExtendedHeader(byte[] tag, int at, int end, int major, List<String> repairs) throws TagException {
        if (at + 4 > end) throw new TagException("damaged ID3v2 tag: its extended header is cut off");
        if (FrameReader.validId(tag, at)) {
            repairs.add("ignored an extended-header flag without an extended header");
            return at;
        }
        long size = major == 4 ? FrameReader.synchsafe(tag, at) : 4 + FrameReader.int32(tag, at);
        if (major == 4 && size < 6 || size > end - at) {
            throw new TagException("damaged ID3v2 tag: its extended header claims " + size + " bytes");
        }
        repairs.add("dropped the extended header");
        return at + (int) size;
    }
}
