package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ID3v1 (update / strip / keep, code pages, 30 bytes) and cover art for car stereos. */
class CarStereoTest {
    @TempDir
    Path dir;

    /** What yt-dlp writes: the video title and channel as UTF-8 cut at 30 bytes (mid-character). */
    private static byte[] ytDlpId3v1() {
        byte[] t = new byte[128];
        t[0] = 'T'; t[1] = 'A'; t[2] = 'G';
        byte[] title = "AGA 江海迦 - 《小問題》MV".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(title, 0, t, 3, 30);
        byte[] artist = "AGA 江海迦 Official".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(artist, 0, t, 33, Math.min(30, artist.length));
        t[93] = '2'; t[94] = '0'; t[95] = '1'; t[96] = '9';
        t[127] = 12;
        return t;
    }

    private Path file(byte[] v1, RawFrame... frames) throws Exception {
        return Mp3Fixtures.write(dir.resolve("f.mp3"), Mp3Fixtures.concat(Mp3Fixtures.tag(4, 0, frames), Mp3Fixtures.audio(10, 2), v1));
    }

    private static TagSettings settings(Id3v1Policy p, String enc, CoverPolicy c, int size) {
        return new TagSettings(Id3Version.V2_3, p, enc, c, size);
    }

    @Test
    void id3v1IsUpdatedInTheChosenCodePageCutOnACharacterBoundary() throws Exception {
        for (String enc : new String[] {"big5", "gbk"}) {
            Path f = file(ytDlpId3v1(), Mp3Fixtures.text("TSSE", 3, "Lavf"));
            String title = "小問題小問題小問題小問題小問題小問題"; // 16 characters: 32 bytes in Big5 / GBK
            TagResult r = new Mp3Tagger(settings(Id3v1Policy.UPDATE, enc, CoverPolicy.KEEP, 500), false).tag(f, "江海迦", title);
            assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
            byte[] b = Files.readAllBytes(f);
            byte[] v1 = Arrays.copyOfRange(b, b.length - 128, b.length);
            Charset cs = TagSettings.charset(enc);
            assertEquals(title.substring(0, 15), field(v1, 3, cs), enc + ": 30 bytes, whole characters");
            assertEquals("江海迦", field(v1, 33, cs));
            assertEquals("2019", new String(v1, 93, 4, StandardCharsets.ISO_8859_1), "year kept");
            assertEquals(12, v1[127], "genre kept");
            assertEquals(TagResult.Status.UNCHANGED,
                    new Mp3Tagger(settings(Id3v1Policy.UPDATE, enc, CoverPolicy.KEEP, 500), false).tag(f, "江海迦", title).status());
        }
    }

    @Test
    void latin1LeavesAFieldEmptyRatherThanWrong() throws Exception {
        Path f = file(ytDlpId3v1());
        TagResult r = new Mp3Tagger(TagSettings.of(Id3Version.V2_3), false).tag(f, "Beyoncé", "小問題");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertTrue(r.notes().contains("ID3v1 title left empty: not latin1 text (see --id3v1-encoding)"), r.notes().toString());
        byte[] b = Files.readAllBytes(f);
        byte[] v1 = Arrays.copyOfRange(b, b.length - 128, b.length);
        assertEquals("", field(v1, 3, StandardCharsets.ISO_8859_1));
        assertEquals("Beyoncé", field(v1, 33, StandardCharsets.ISO_8859_1));
        if (IndependentReaders.hasPython()) { // mutagen merges ID3v1 into its view only for missing frames; check it reads the file
            Map<String, String> m = IndependentReaders.read(f);
            assertNull(m.get("mutagen.error"), m.toString());
        }
    }

    @Test
    void stripAndKeep() throws Exception {
        byte[] v1 = ytDlpId3v1();
        Path f = file(v1);
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(settings(Id3v1Policy.KEEP, "latin1", CoverPolicy.KEEP, 500), false).tag(f, "A", "B").status());
        byte[] b = Files.readAllBytes(f);
        assertArrayEquals(v1, Arrays.copyOfRange(b, b.length - 128, b.length), "kept byte for byte");
        TagResult r = new Mp3Tagger(settings(Id3v1Policy.STRIP, "latin1", CoverPolicy.KEEP, 500), false).tag(f, "A", "B");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertFalse(Mp3Reader.read(f).hasId3v1());
        assertEquals(b.length - 128 - Mp3Reader.read(f).tagLength() + 0, Files.size(f) - Mp3Reader.read(f).tagLength(), "only the 128 bytes went");
        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(settings(Id3v1Policy.STRIP, "latin1", CoverPolicy.KEEP, 500), false).tag(f, "A", "B").status());
    }

    @Test
    void noId3v1IsAddedByUpdate() throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve("g.mp3"), Mp3Fixtures.concat(Mp3Fixtures.tag(3, 0, Mp3Fixtures.text("TSSE", 0, "x")), Mp3Fixtures.audio(10, 2)));
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(TagSettings.of(Id3Version.V2_3), false).tag(f, "A", "B").status());
        assertFalse(Mp3Reader.read(f).hasId3v1());
    }

    @Test
    void cutOnACharacterBoundary() {
        byte[] b = Id3v1.fit("abc陳奕迅王菀之陳奕迅王菀之陳奕迅王菀之", TagSettings.charset("big5"), 30);
        assertEquals(29, b.length, "3 + 13 x 2: the 14th character would need bytes 30-31");
        assertNull(Id3v1.fit("😀", TagSettings.charset("big5"), 30));
    }

    /** yt-dlp's thumbnail: a 1280x720 PNG. */
    private static byte[] thumbnailPng() throws Exception {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 720; y++) for (int x = 0; x < 1280; x++) img.setRGB(x, y, (x * 255 / 1280) << 16 | (y * 255 / 720) << 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static RawFrame apic(String mime, int type, byte[] image) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.writeBytes(mime.getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.write(type);
        b.write(0);
        b.writeBytes(image);
        return new RawFrame("APIC", b.toByteArray());
    }

    @Test
    void coverForCarsIsASquareBaselineJpeg() throws Exception {
        Path f = file(ytDlpId3v1(), apic("image/png", 3, thumbnailPng()), Mp3Fixtures.text("TSSE", 3, "Lavf"));
        TagSettings car = settings(Id3v1Policy.UPDATE, "latin1", CoverPolicy.CAR, 300);
        TagResult r = new Mp3Tagger(car, false).tag(f, "A", "B");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertTrue(r.notes().contains("cover re-encoded: 1280x720 image/png -> 300x300 baseline JPEG"), r.notes().toString());
        RawFrame pic = Mp3Reader.read(f).frames().stream().filter(x -> x.id().equals("APIC")).findFirst().orElseThrow();
        byte[] d = pic.data();
        assertEquals("image/jpeg", new String(d, 1, 10, StandardCharsets.ISO_8859_1));
        byte[] jpeg = Arrays.copyOfRange(d, 1 + 11 + 1 + 1, d.length);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(300, back.getWidth());
        assertEquals(300, back.getHeight());
        assertTrue(CoverArt.baselineJpeg(jpeg));
        assertEquals(3, d[12], "still the front cover");
        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(car, false).tag(f, "A", "B").status(), "a second run changes nothing");
        if (IndependentReaders.hasFfprobe()) {
            String probe = String.join("\n", IndependentReaders.run(false, java.util.List.of("ffprobe", "-v", "error", "-select_streams", "v",
                    "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", f.toString())));
            assertEquals("mjpeg,300,300", probe.trim(), "ffprobe sees the picture");
        }
    }

    @Test
    void coverStripRemovesEveryPicture() throws Exception {
        Path f = file(ytDlpId3v1(), apic("image/png", 3, thumbnailPng()), apic("image/jpeg", 4, Mp3Fixtures.image(100, 1)));
        TagResult r = new Mp3Tagger(settings(Id3v1Policy.UPDATE, "latin1", CoverPolicy.STRIP, 500), false).tag(f, "A", "B");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertTrue(Mp3Reader.read(f).frames().stream().noneMatch(x -> x.id().equals("APIC")));
        assertTrue(r.notes().contains("removed 2 pictures"), r.notes().toString());
    }

    private static String field(byte[] v1, int at, Charset cs) {
        int end = at;
        while (end < at + 30 && v1[end] != 0) end++;
        return new String(v1, at, end - at, cs);
    }
}
