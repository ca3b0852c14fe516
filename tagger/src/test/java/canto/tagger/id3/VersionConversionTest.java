package canto.tagger.id3;

import static canto.tagger.id3.Mp3Fixtures.audio;
import static canto.tagger.id3.Mp3Fixtures.comment;
import static canto.tagger.id3.Mp3Fixtures.concat;
import static canto.tagger.id3.Mp3Fixtures.picture;
import static canto.tagger.id3.Mp3Fixtures.tag;
import static canto.tagger.id3.Mp3Fixtures.text;
import static canto.tagger.id3.Mp3Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags of the other version are carried over frame by frame when nothing is lost, else kept as they are. */
class VersionConversionTest {
    @TempDir
    Path dir;

    /** What ffmpeg (and so yt-dlp) writes: ID3v2.4, UTF-8 text. */
    private static byte[] ffmpegStyle24() {
        return concat(tag(4, 0,
                text("TSSE", 3, "Lavf60.16.100"),
                text("TDRC", 0, "2019-05-03"),
                text("TALB", 3, "小問題"),
                comment(3, "", "留言"),
                txxx(3, "purl", "https://example.invalid/watch?v=w1TMv7jx8ew"),
                picture(3, "封面", Mp3Fixtures.image(300, 1))), audio(15, 4));
    }

    private static RawFrame txxx(int enc, String desc, String value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(enc);
        Id3Text.append(b, desc, (byte) enc, true);
        Id3Text.append(b, value, (byte) enc, false);
        return new RawFrame("TXXX", b.toByteArray());
    }

    @Test
    void anFfmpegStyle24TagBecomes23WithEveryFrameKept() throws Exception {
        byte[] original = ffmpegStyle24();
        Path f = write(dir.resolve("yt.mp3"), original);

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, "江海迦", "小問題");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertEquals(List.of("converted ID3v2.4 to ID3v2.3"), r.notes());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(Id3Version.V2_3, back.tagVersion());
        for (RawFrame fr : back.frames()) assertTrue(Id3Text.validIn(Id3Version.V2_3, fr.encoding()) || !fr.id().startsWith("T"), fr.id());
        assertEquals("Lavf60.16.100", back.text("TSSE"));
        assertEquals("小問題", back.text("TALB"));
        assertEquals(Id3Text.UTF16, back.encodingOf("TALB"));
        assertEquals("2019", back.text("TYER"));
        assertEquals("0305", back.text("TDAT"));
        assertNull(back.text("TDRC"));
        var m = new com.mpatric.mp3agic.Mp3File(f).getId3v2Tag();
        assertEquals("留言", m.getComment());
        assertArrayEquals(Mp3Fixtures.image(300, 1), m.getAlbumImage());
        assertEquals("image/jpeg", m.getAlbumImageMimeType());
        RawFrame apic = back.frames().stream().filter(x -> x.id().equals("APIC")).findFirst().orElseThrow();
        assertEquals(Id3Text.UTF16, apic.encoding(), "APIC description re-encoded");
        RawFrame txxx = back.frames().stream().filter(x -> x.id().equals("TXXX")).findFirst().orElseThrow();
        assertEquals(txxx(0, "purl", "https://example.invalid/watch?v=w1TMv7jx8ew").data().length, txxx.data().length);
        assertArrayEquals(Mp3Fixtures.afterTag(original), Mp3Fixtures.afterTag(Files.readAllBytes(f)));

        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, "江海迦", "小問題").status());
    }

    @Test
    void a24TagWithAFrame23CannotHoldKeepsItsVersion() throws Exception {
        Path f = write(dir.resolve("tipl.mp3"), concat(tag(4, 0, text("TIPL", 0, "producer\0Someone"), text("TPE1", 3, "舊")), audio(10, 1)));

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, "新", "歌");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertEquals(List.of("kept ID3v2.4: frame TIPL has no ID3v2.3 equivalent"), r.notes());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(Id3Version.V2_4, back.tagVersion());
        assertNotNull(back.text("TIPL"));
        assertEquals("新", back.text("TPE1"));
        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, "新", "歌").status(),
                "re-running is harmless even when the version cannot change");
    }

    @Test
    void a23TagBecomes24OnRequestWithTheDateMoved() throws Exception {
        Path f = write(dir.resolve("v23.mp3"), concat(tag(3, 10,
                text("TYER", 0, "2004"), text("TDAT", 0, "1707"), text("TIME", 0, "2130"), text("TORY", 0, "1999"),
                comment(1, "", "comment")), audio(10, 1)));

        TagResult r = new Mp3Tagger(Id3Version.V2_4, false).tag(f, "A", "B");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(Id3Version.V2_4, back.tagVersion());
        assertEquals("2004-07-17T21:30", back.text("TDRC"));
        assertEquals("1999", back.text("TDOR"));
        assertNull(back.text("TYER"));
        assertEquals("comment", new com.mpatric.mp3agic.Mp3File(f).getId3v2Tag().getComment());
    }

    @Test
    void anEmptyTdatAsEyeD3WritesItDoesNotKeepA23TagFrom24() throws Exception {
        // eyeD3 0.9.7 saving a 2.3 tag with recording_date 2005-06-07 writes TYER 2005 and a TDAT of only its encoding byte
        Path f = write(dir.resolve("eyed3.mp3"), concat(tag(3, 10,
                text("TYER", 0, "2005"), new RawFrame("TDAT", new byte[] {0}), text("TALB", 1, "專輯")), audio(10, 1)));

        TagResult r = new Mp3Tagger(Id3Version.V2_4, false).tag(f, "A", "B");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertEquals(List.of("converted ID3v2.3 to ID3v2.4"), r.notes());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(Id3Version.V2_4, back.tagVersion());
        assertEquals("2005", back.text("TDRC"));
        assertTrue(back.frames().stream().noneMatch(x -> x.id().equals("TDAT")), "the empty TDAT held no date");
        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(Id3Version.V2_4, false).tag(f, "A", "B").status());
    }

    @Test
    void aGeobWithUtf8NamesIsReEncodedFor23() throws Exception {
        byte[] object = {1, 2, 3, 0, 0, (byte) 0xFF};
        RawFrame geob = new RawFrame("GEOB", concat(new byte[] {3}, "application/octet-stream\0".getBytes(StandardCharsets.ISO_8859_1),
                "物件.bin\0描述\0".getBytes(StandardCharsets.UTF_8), object));
        Path f = write(dir.resolve("geob.mp3"), concat(tag(4, 0, geob, text("TPE1", 3, "舊")), audio(10, 1)));

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, "新", "歌");

        assertEquals(List.of("converted ID3v2.4 to ID3v2.3"), r.notes(), r.error());
        RawFrame back = Mp3Reader.read(f).frames().stream().filter(x -> x.id().equals("GEOB")).findFirst().orElseThrow();
        byte[] d = back.data();
        assertEquals(Id3Text.UTF16, d[0]);
        int mime = Id3Text.findTerminator(d, 1, Id3Text.LATIN1);
        assertEquals("application/octet-stream", new String(d, 1, mime - 1, StandardCharsets.ISO_8859_1));
        int name = Id3Text.findTerminator(d, mime + 1, Id3Text.UTF16);
        assertEquals("物件.bin", Id3Text.decode(d, mime + 1, name, Id3Text.UTF16));
        int desc = Id3Text.findTerminator(d, name + 2, Id3Text.UTF16);
        assertEquals("描述", Id3Text.decode(d, name + 2, desc, Id3Text.UTF16));
        assertArrayEquals(object, java.util.Arrays.copyOfRange(d, desc + 2, d.length), "the object's bytes kept");
    }

    @Test
    void datesAreMappedOnlyWhenExact() {
        List<RawFrame> ok = FrameConverter.convert(List.of(text("TDRC", 3, "20190503")), Id3Version.V2_4, Id3Version.V2_3).frames();
        assertEquals(2, ok.size());
        assertEquals("2019", Id3Text.decodeTextFrame(ok.get(0).data()));
        assertEquals("0305", Id3Text.decodeTextFrame(ok.get(1).data()));
        for (String lossy : List.of("2019-05", "2019-05-03T10:11:12", "May 2019")) {
            FrameConverter.Result r = FrameConverter.convert(List.of(text("TDRC", 0, lossy)), Id3Version.V2_4, Id3Version.V2_3);
            assertNull(r.frames(), lossy);
            assertTrue(r.refusal().contains("TDRC"), r.refusal());
        }
        assertNull(FrameConverter.convert(List.of(text("TIME", 0, "1200")), Id3Version.V2_3, Id3Version.V2_4).frames());
        assertNull(FrameConverter.convert(List.of(text("TYER", 0, "04")), Id3Version.V2_3, Id3Version.V2_4).frames());
    }

    @Test
    void textFramesWithSeveralValuesOrBadTextAreNotConverted() {
        assertNull(FrameConverter.convert(List.of(text("TPE1", 3, "A\0B")), Id3Version.V2_4, Id3Version.V2_3).frames());
        RawFrame badUtf8 = new RawFrame("TALB", new byte[] {3, (byte) 0xC3, (byte) 0x28});
        assertNull(FrameConverter.convert(List.of(badUtf8), Id3Version.V2_4, Id3Version.V2_3).frames());
        assertNull(FrameConverter.convert(List.of(new RawFrame("GEOB", new byte[] {3, 'x', 0})), Id3Version.V2_4, Id3Version.V2_3).frames());
    }

    @Test
    void framesWithoutTextAndUnknownFramesPassThroughByteForByte() {
        RawFrame priv = new RawFrame("PRIV", "owner\0\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        RawFrame tcmp = text("TCMP", 0, "1");
        RawFrame wxxx = new RawFrame("WXXX", concat(new byte[] {3}, "連結\0".getBytes(StandardCharsets.UTF_8),
                "http://x.invalid/".getBytes(StandardCharsets.ISO_8859_1)));
        List<RawFrame> out = FrameConverter.convert(List.of(priv, tcmp, wxxx), Id3Version.V2_4, Id3Version.V2_3).frames();
        assertNotNull(out);
        assertArrayEquals(priv.data(), out.get(0).data());
        assertArrayEquals(tcmp.data(), out.get(1).data());
        byte[] w = out.get(2).data();
        assertEquals(Id3Text.UTF16, w[0]);
        int end = Id3Text.findTerminator(w, 1, Id3Text.UTF16);
        assertEquals("連結", Id3Text.decode(w, 1, end, Id3Text.UTF16));
        assertEquals("http://x.invalid/", new String(w, end + 2, w.length - end - 2, StandardCharsets.ISO_8859_1));
    }
}
