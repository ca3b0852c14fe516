package canto.tagger.id3;

/** One ID3v2 frame as its four-character id and its data bytes (everything after the frame header). */
record RawFrame(String id, byte[] data) {
    /** The first data byte, which is the text encoding for text-bearing frames; -1 when there is no data. */
    int encoding() {
        return data.length == 0 ? -1 : data[0];
    }
}
