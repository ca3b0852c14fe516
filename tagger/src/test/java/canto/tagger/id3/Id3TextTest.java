package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Id3TextTest {
    @Test
    void textFrameDataPicksLatin1OrUtf16WithLittleEndianBom() {
        assertArrayEquals(new byte[] {0, 'A', 'b', (byte) 0xE9}, Id3Text.textFrameData("Abé"));
        assertArrayEquals(new byte[] {1, (byte) 0xFF, (byte) 0xFE, 0x5F, 0x6C}, Id3Text.textFrameData("江"));
    }

    @Test
    void decodeTextFrameHandlesEveryEncodingAndDropsTerminators() {
        assertEquals("江海迦", Id3Text.decodeTextFrame(Id3Text.textFrameData("江海迦")));
        assertEquals("abc", Id3Text.decodeTextFrame(new byte[] {0, 'a', 'b', 'c', 0}));
        assertEquals("江", Id3Text.decodeTextFrame(new byte[] {1, (byte) 0xFE, (byte) 0xFF, 0x6C, 0x5F, 0, 0}));
        assertEquals("江", Id3Text.decodeTextFrame(new byte[] {2, 0x6C, 0x5F}));
        assertEquals("江", Id3Text.decodeTextFrame(new byte[] {3, (byte) 0xE6, (byte) 0xB1, (byte) 0x9F, 0}));
        assertEquals("\u0100", Id3Text.decodeTextFrame(new byte[] {1, (byte) 0xFF, (byte) 0xFE, 0x00, 0x01}), "a 00 byte inside a character is not a terminator");
        assertNull(Id3Text.decodeTextFrame(new byte[] {3, (byte) 0xC3, 0x28}), "malformed UTF-8");
        assertNull(Id3Text.decodeTextFrame(new byte[] {9, 'a'}), "unknown encoding");
        assertNull(Id3Text.decodeTextFrame(new byte[0]));
    }

    @Test
    void encodingsValidPerVersion() {
        assertTrue(Id3Text.validIn(Id3Version.V2_3, 1));
        assertFalse(Id3Text.validIn(Id3Version.V2_3, 2), "UTF-16BE is 2.4 only (mp3agic 0.9.1 writes it into 2.3 tags)");
        assertFalse(Id3Text.validIn(Id3Version.V2_3, 3));
        assertTrue(Id3Text.validIn(Id3Version.V2_4, 3));
    }

    @Test
    void versionNames() {
        assertEquals(Id3Version.V2_3, Id3Version.parse("2.3"));
        assertEquals(Id3Version.V2_4, Id3Version.parse("ID3v2.4"));
        assertNull(Id3Version.parse("2.2"));
    }
}
