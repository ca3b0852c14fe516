package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text in ID3v2 frames. The first data byte of a text-bearing frame names the encoding:
 * 0 = ISO-8859-1, 1 = UTF-16 with a byte-order mark, 2 = UTF-16BE without one (ID3v2.4 only),
 * 3 = UTF-8 (ID3v2.4 only). Strings inside a frame end with a terminator of one zero byte
 * (encodings 0 and 3) or two (1 and 2).
 *
 * <p>We encode TPE1 / TIT2 ourselves rather than with mp3agic's setters: mp3agic 0.9.1 labels
 * non-Latin text as encoding 2 while writing a byte-order mark, which ID3v2.3 readers reject.
 */
final class Id3Text {
    static final byte LATIN1 = 0;
    static final byte UTF16 = 1;
    static final byte UTF16BE = 2;
    static final byte UTF8 = 3;

    private Id3Text() {}

    /** True when {@code encoding} is allowed in tags of this version. */
    static boolean validIn(Id3Version version, int encoding) {
        return encoding == LATIN1 || encoding == UTF16
                || (version == Id3Version.V2_4 && (encoding == UTF16BE || encoding == UTF8));
    }

    /** ISO-8859-1 when every character fits, otherwise UTF-16 with a BOM: the two encodings every ID3v2 reader knows. */
    static byte bestEncoding(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return UTF16;
        }
        return LATIN1;
    }

    /** Data of a text frame (TPE1, TIT2, ...) holding {@code s}: encoding byte, text, no terminator. */
    static byte[] textFrameData(String s) {
        byte enc = bestEncoding(s);
        byte[] text = encode(s, enc);
        byte[] data = new byte[1 + text.length];
        data[0] = enc;
        System.arraycopy(text, 0, data, 1, text.length);
        return data;
    }

    /** {@code s} in this encoding; UTF-16 gets the little-endian BOM FF FE, as Windows and most taggers write it. */
    static byte[] encode(String s, byte encoding) {
        if (encoding == UTF16) {
            byte[] body = s.getBytes(StandardCharsets.UTF_16LE);
            byte[] out = new byte[2 + body.length];
            out[0] = (byte) 0xFF;
            out[1] = (byte) 0xFE;
            System.arraycopy(body, 0, out, 2, body.length);
            return out;
        }
        return s.getBytes(charset(encoding));
    }

    /** The Java charset of an ID3 encoding byte; UTF-16 (1) detects its BOM. */
    static Charset charset(int encoding) {
        switch (encoding) {
            case LATIN1: return StandardCharsets.ISO_8859_1;
            case UTF16: return StandardCharsets.UTF_16;
            case UTF16BE: return StandardCharsets.UTF_16BE;
            case UTF8: return StandardCharsets.UTF_8;
            default: throw new IllegalArgumentException("unknown ID3 text encoding " + encoding);
        }
    }

    /** Length in bytes of a string terminator in this encoding. */
    static int terminatorLength(int encoding) {
        return encoding == UTF16 || encoding == UTF16BE ? 2 : 1;
    }

    /**
     * The index of the terminator of the string that starts at {@code from}, or -1 when there is
     * none (the string runs to the end). Two-byte terminators are looked for on even offsets from {@code from}.
     */
    static int findTerminator(byte[] data, int from, int encoding) {
        if (terminatorLength(encoding) == 1) {
            for (int i = from; i < data.length; i++) if (data[i] == 0) return i;
            return -1;
        }
        for (int i = from; i + 1 < data.length; i += 2) if (data[i] == 0 && data[i + 1] == 0) return i;
        return -1;
    }

    /** Strictly decodes {@code data[from, to)}; null when the bytes are not valid text in this encoding. */
    static String decode(byte[] data, int from, int to, int encoding) {
        if (encoding < LATIN1 || encoding > UTF8 || from > to) return null;
        if (from == to) return "";
        try {
            return charset(encoding).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The text of a text frame (encoding byte + text), without trailing terminators; null when
     * the data is empty, has an unknown encoding or is not valid text.
     */
    static String decodeTextFrame(byte[] data) {
        if (data.length == 0) return null;
        int enc = data[0];
        int end = data.length;
        int t = terminatorLength(enc);
        while (end - t >= 1 && isZero(data, end - t, t) && (t == 1 || (end - 1 - t) % 2 == 0)) end -= t;
        return decode(data, 1, end, enc);
    }

    private static boolean isZero(byte[] data, int at, int n) {
        for (int i = at; i < at + n; i++) if (data[i] != 0) return false;
        return true;
    }

    /** Appends {@code s} in {@code encoding} and, when {@code terminate}, its terminator. */
    static void append(ByteArrayOutputStream out, String s, byte encoding, boolean terminate) {
        out.writeBytes(encode(s, encoding));
        if (terminate) for (int i = 0; i < terminatorLength(encoding); i++) out.write(0);
    }
}
