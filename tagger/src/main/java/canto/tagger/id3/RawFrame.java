package canto.tagger.id3;

/**
 * One ID3v2 frame as we hold it: its four-character id (ID3v2.3 / 2.4 names; ID3v2.2 frames
 * are renamed when read), its data as a reader sees it (decompressed, unsynchronisation
 * undone, no data-length indicator), and its group id. CHAP and CTOC data hold their
 * embedded frames packed for the tag's version ({@link ChapterFrames}).
 *
 * @param id    e.g. {@code TPE1}
 * @param data  the frame's content after the frame header and its flag bytes
 * @param group the group identifier byte (0-255) when the frame belongs to a group, else -1
 */
record RawFrame(String id, byte[] data, int group) {
    /** A frame without a group, as nearly every frame is. */
    RawFrame(String id, byte[] data) {
        this(id, data, -1);
    }

    /** The first data byte, which is the text encoding for text-bearing frames; -1 when there is no data. */
    int encoding() {
        return data.length == 0 ? -1 : data[0];
    }

    /** The same frame with other data (the group is kept). */
    RawFrame withData(byte[] newData) {
        return new RawFrame(id, newData, group);
    }
}
