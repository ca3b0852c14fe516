package canto.tagger.id3;

import static canto.tagger.id3.Layouts.Frame;
import static canto.tagger.id3.Layouts.frames;
import static canto.tagger.id3.Layouts.tag;
import static canto.tagger.id3.Mp3Fixtures.audio;
import static canto.tagger.id3.Mp3Fixtures.concat;
import static canto.tagger.id3.Mp3Fixtures.image;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Layouts that writers outside this project leave, found with bench/tagger_probe_hostile.py:
 * ID3v2.3 UTF-16 with big-endian byte-order marks (one per string), CRC-protected MPEG frames, two
 * ID3v2 tags in a row (mutagen, eyeD3 and ffprobe read the first one's artist and title; the
 * second is kept as it is, like every byte before the audio), and free-format MPEG audio (refused).
 */
final class OtherWriters {
    private OtherWriters() {}

    static Map<String, byte[]> valid() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("2.3 UTF-16 big-endian BOMs", Layouts.mp3(tag(3, 0, concat(frames(3,
                f("TPE1", concat(b(1), be("舊歌手"))), f("TALB", concat(b(1), be("專輯 album"), b(0, 0))),
                f("TXXX", concat(b(1), be("描述"), b(0, 0), le("值 value"))),
                f("COMM", concat(b(1), ascii("chi"), be(""), b(0, 0), be("留言 comment"))),
                f("APIC", concat(b(1), ascii("image/jpeg"), b(0, 3), be("封面"), b(0, 0), image(300, 5)))), new byte[30]))));
        m.put("CRC-protected MPEG frames", concat(tag(3, 0, concat(frames(3, f("TPE1", concat(b(0), ascii("Old")))), new byte[10])),
                crcFrames(20)));
        m.put("two ID3v2 tags in a row", concat(tag(3, 0, concat(frames(3, Layouts.plainFrames()), new byte[10])),
                tag(4, 0, concat(frames(4, f("TCOM", concat(b(3), "作曲".getBytes(StandardCharsets.UTF_8)))), new byte[10])),
                audio(20, 3)));
        return m;
    }

    /** Frames with bitrate index 0 ("free format"), 1,200 bytes each, silent. */
    static byte[] freeFormat(int n) {
        byte[] one = new byte[1200];
        one[0] = (byte) 0xFF; one[1] = (byte) 0xFB; one[2] = 0x00; one[3] = 0x64;
        byte[] out = new byte[0];
        for (int i = 0; i < n; i++) out = concat(out, one);
        return out;
    }

    /** MPEG-1 Layer III 128 kbit/s 44.1 kHz joint stereo with the protection bit clear: a CRC-16 after each header. */
    static byte[] crcFrames(int n) {
        byte[] one = new byte[Mp3Fixtures.FRAME_LENGTH];
        one[0] = (byte) 0xFF; one[1] = (byte) 0xFA; one[2] = (byte) 0x90; one[3] = 0x64;
        int crc = crc16(concat(new byte[] {one[2], one[3]}, new byte[32])); // over header bytes 2-3 and the (silent) side info
        one[4] = (byte) (crc >>> 8);
        one[5] = (byte) crc;
        byte[] out = new byte[0];
        for (int i = 0; i < n; i++) out = concat(out, one);
        return out;
    }

    private static int crc16(byte[] data) {
        int crc = 0xFFFF;
        for (byte x : data) {
            for (int i = 7; i >= 0; i--) {
                int bit = ((x >> i) & 1) ^ ((crc >> 15) & 1);
                crc = (crc << 1) & 0xFFFF;
                if (bit != 0) crc ^= 0x8005;
            }
        }
        return crc;
    }

    private static Frame f(String id, byte[] data) {
        return new Frame(id, data, 0, new byte[0], false);
    }

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] be(String s) {
        return concat(b(0xFE, 0xFF), s.getBytes(StandardCharsets.UTF_16BE));
    }

    private static byte[] le(String s) {
        return concat(b(0xFF, 0xFE), s.getBytes(StandardCharsets.UTF_16LE));
    }
}
