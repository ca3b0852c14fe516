package canto.tagger.id3;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;

/**
 * The ID3v1 tag: the last 128 bytes of the file, {@code TAG}, then title (30 bytes), artist
 * (30), album (30), year (4), comment (30, or 28 + zero + track number in ID3v1.1) and genre.
 * It has no encoding byte: a player decodes the bytes in its own code page (ISO-8859-1 by the
 * standard, Big5 or GBK on many units sold in Hong Kong, Taiwan and China). yt-dlp writes the
 * video title and the channel there as UTF-8 cut at 30 bytes, which is mojibake on every unit
 * and contradicts the new ID3v2 tag.
 */
final class Id3v1 {
    static final int SIZE = 128;
    private static final int TITLE = 3, ARTIST = 33, FIELD = 30;

    private Id3v1() {}

    /**
     * {@code old} with title and artist rewritten in {@code charset} (a null value keeps that
     * field): at most 30 bytes, cut on a character boundary; a text the code page cannot hold
     * makes the field empty (an empty field shows nothing, a wrong one contradicts the ID3v2
     * tag), and {@code notes} says so.
     */
    static byte[] updated(byte[] old, String artist, String title, Charset charset, String charsetName, List<String> notes) {
        byte[] t = old.clone();
        List<String> empty = new java.util.ArrayList<>();
        if (!put(t, TITLE, title, charset)) empty.add("title");
        if (!put(t, ARTIST, artist, charset)) empty.add("artist");
        if (!empty.isEmpty()) {
            notes.add("ID3v1 " + String.join(" and ", empty) + " left empty: not " + charsetName + " text (see --id3v1-encoding)");
        }
        return t;
    }

    /** False when the field was emptied because the code page cannot hold {@code value}. */
    private static boolean put(byte[] t, int at, String value, Charset cs) {
        if (value == null) return true;
        byte[] b = fit(value, cs, FIELD);
        Arrays.fill(t, at, at + FIELD, (byte) 0);
        if (b == null) return false;
        System.arraycopy(b, 0, t, at, b.length);
        return true;
    }

    /** {@code s} in {@code cs}, cut to at most {@code max} bytes on a character boundary; null when {@code cs} cannot encode it. */
    static byte[] fit(String s, Charset cs, int max) {
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        if (!enc.canEncode(s)) return null;
        enc.reset();
        ByteBuffer out = ByteBuffer.allocate(max);
        CoderResult r = enc.encode(CharBuffer.wrap(s), out, true); // stops before the first character that does not fit whole
        if (r.isError()) return null;
        byte[] b = new byte[out.position()];
        out.flip();
        out.get(b);
        return b;
    }
}
