package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid layout of {@link Layouts} is tagged under 2.3 and 2.4: the result has the wanted
 * version, the audio and ID3v1 bytes are unchanged, a second run changes nothing, and — where
 * Debian's mutagen / eyeD3 are installed — they read the new artist and title, the same other
 * frames (and chapters) as in the original, and the audio. Every damaged one is refused with one
 * line and left byte-identical.
 */
class Id3LayoutsTest {
    static final String ARTIST = "江海迦";
    static final String TITLE = "小問題 Song";

    @TempDir
    Path dir;

    static Stream<Arguments> validLayouts() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : Layouts.valid().entrySet()) {
            for (Id3Version v : Id3Version.values()) out.add(Arguments.of(e.getKey(), e.getValue(), v));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("validLayouts")
    void validLayoutIsTaggedAndReadBackByEveryReader(String name, byte[] original, Id3Version version) throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve("layout.mp3"), original);
        Path before = Mp3Fixtures.write(dir.resolve("before.mp3.orig"), original);
        TagResult r = new Mp3Tagger(version, false).tag(f, ARTIST, TITLE);
        assertEquals(TagResult.Status.TAGGED, r.status(), name + ": " + r.error());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(ARTIST, back.text("TPE1"));
        assertEquals(TITLE, back.text("TIT2"));
        assertTrue(back.repairs().isEmpty(), "written plainly: " + back.repairs());
        boolean kept = r.notes().stream().anyMatch(n -> n.startsWith("kept"));
        if (!kept) assertEquals(version, back.tagVersion(), name + " " + r.notes());
        byte[] now = Files.readAllBytes(f);
        int v1 = back.hasId3v1() ? 128 : 0; // the default --id3v1 update rewrites it: checked below
        assertArrayEquals(java.util.Arrays.copyOfRange(original, (int) tagLength(original), original.length - v1),
                java.util.Arrays.copyOfRange(now, (int) back.tagLength(), now.length - v1), "every byte after the tag kept");
        if (v1 > 0) {
            byte[] tail = java.util.Arrays.copyOfRange(now, now.length - 128, now.length);
            assertEquals(0, tail[3], "ID3v1 title emptied: the Chinese title is not Latin-1");
            assertEquals(0, tail[33], "ID3v1 artist emptied, likewise");
            assertArrayEquals(java.util.Arrays.copyOfRange(original, original.length - 128 + 63, original.length),
                    java.util.Arrays.copyOfRange(tail, 63, 128), "the other ID3v1 fields kept");
        }

        TagResult again = new Mp3Tagger(version, false).tag(f, ARTIST, TITLE);
        assertEquals(TagResult.Status.UNCHANGED, again.status(), name + ": second run " + again.notes() + again.error());
        assertArrayEquals(now, Files.readAllBytes(f), "second run changed nothing");

        if (!IndependentReaders.hasPython()) return; // the rest needs mutagen / eyeD3 (reported by independentReadersPresentOrSkipped)
        List<Map<String, String>> views = IndependentReaders.read(before, f);
        Map<String, String> was = views.get(0), is = views.get(1);
        assertNull(is.get("mutagen.error"), name + ": " + is);
        assertEquals(IndependentReaders.json(ARTIST), is.get("mutagen.TPE1"));
        assertEquals(IndependentReaders.json(TITLE), is.get("mutagen.TIT2"));
        assertEquals("0", is.get("mutagen.unknown"), "mutagen knows every frame");
        if (!kept) assertEquals(IndependentReaders.json(version.label()), is.get("mutagen.version"));
        if (was.get("mutagen.error") == null) { // (a file without a tag has no frames to compare)
            assertEquals(strip(was.get("mutagen.frames")), strip(is.get("mutagen.frames")), name + ": mutagen sees the same other frames");
            assertEquals(was.get("mutagen.chapters"), is.get("mutagen.chapters"), name + ": mutagen sees the same chapters");
        }
        assertEquals(was.get("mutagen.audio_seconds"), is.get("mutagen.audio_seconds"), name + ": same audio");
        assertNull(is.get("eyed3.error"), name + ": " + is);
        assertEquals(IndependentReaders.json(ARTIST), is.get("eyed3.artist"));
        assertEquals(IndependentReaders.json(TITLE), is.get("eyed3.title"));
        if (IndependentReaders.hasFfprobe()) {
            assertEquals("artist=" + ARTIST + "\ntitle=" + TITLE, IndependentReaders.ffprobeTags(f), name + ": ffprobe");
        }
    }

    @Test
    void independentReadersPresentOrSkipped() {
        IndependentReaders.assumePython();
        IndependentReaders.assumeFfprobe();
    }

    /** mutagen's frame list without TPE1 / TIT2 (which we replace). */
    private static String strip(String framesJson) {
        if (framesJson == null) return null;
        return framesJson.replaceAll("\"TPE1=[^\"]*\"(, )?", "").replaceAll("\"TIT2=[^\"]*\"(, )?", "").replaceAll(", \\]", "]");
    }

    static long tagLength(byte[] file) {
        if (file.length < 10 || file[0] != 'I' || file[1] != 'D' || file[2] != '3') return 0;
        int size = ((file[6] & 0x7F) << 21) | ((file[7] & 0x7F) << 14) | ((file[8] & 0x7F) << 7) | (file[9] & 0x7F);
        return 10 + size + (file[3] == 4 && (file[5] & 0x10) != 0 ? 10 : 0);
    }

    static Stream<Arguments> groupedLayouts() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : Layouts.grouped().entrySet()) {
            for (Id3Version v : Id3Version.values()) out.add(Arguments.of(e.getKey(), e.getValue(), v));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("groupedLayouts")
    void groupedFramesKeepTheirGroupByteUnderTheRightFlag(String name, byte[] original, Id3Version version) throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve("grouped.mp3"), original);
        TagResult r = new Mp3Tagger(version, false).tag(f, ARTIST, TITLE);
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        Mp3Facts back = Mp3Reader.read(f);
        RawFrame album = back.frames().stream().filter(x -> x.id().equals("TALB")).findFirst().orElseThrow();
        assertEquals(7, album.group());
        assertEquals("專輯 grouped", Id3Text.decodeTextFrame(album.data()));
        byte[] now = Files.readAllBytes(f);
        int at = indexOf(now, "TALB");
        int flags = ((now[at + 8] & 0xFF) << 8) | (now[at + 9] & 0xFF);
        assertEquals(version == Id3Version.V2_3 ? 0x0020 : 0x0040, flags, "grouping flag at this version's bit");
        assertEquals(7, now[at + 10], "group byte right after the frame header");
        assertEquals(TagResult.Status.UNCHANGED, new Mp3Tagger(version, false).tag(f, ARTIST, TITLE).status());
    }

    static Stream<Arguments> damagedLayouts() {
        return Layouts.damaged().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedLayouts")
    void damagedFilesAreRefusedWithOneLineAndLeftAlone(String name, byte[] original, String reason) throws Exception {
        for (Id3Version v : Id3Version.values()) {
            Path f = Mp3Fixtures.write(dir.resolve("damaged.mp3"), original);
            TagResult r = new Mp3Tagger(v, false).tag(f, ARTIST, TITLE);
            assertEquals(TagResult.Status.FAILED, r.status(), name);
            assertTrue(r.error().contains(reason), name + ": " + r.error());
            assertFalse(r.error().contains("\n"));
            assertArrayEquals(original, Files.readAllBytes(f), name + ": untouched");
            TagResult dry = new Mp3Tagger(v, true).tag(f, ARTIST, TITLE);
            assertEquals(TagResult.Status.FAILED, dry.status(), name + ": the dry run says the same");
        }
    }

    @Test
    void chaptersMovedToTheOtherVersionGetItsSizesAndEncodings() throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve("chapters.mp3"), Layouts.mp3(Layouts.tag(4, 0, Layouts.chapters(4, false))));
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, ARTIST, TITLE).status());
        byte[] now = Files.readAllBytes(f);
        int chap = indexOf(now, "CHAP");
        int sub = indexOf(now, chap, "TIT2");
        long size = FrameReader.int32(now, sub + 4);
        assertTrue(size > 128, "a long chapter title: " + size);
        assertEquals(1, now[sub + 10], "re-encoded as UTF-16 (2.3 has no UTF-8)");
        String title = Id3Text.decodeTextFrame(java.util.Arrays.copyOfRange(now, sub + 10, sub + 10 + (int) size));
        assertEquals(Layouts.LONG_CHAPTER + "1", title, "plain 32-bit size in 2.3");
    }

    private static int indexOf(byte[] b, String ascii) {
        return indexOf(b, 0, ascii);
    }

    private static int indexOf(byte[] b, int from, String ascii) {
        for (int i = from; i < b.length; i++) if (Bytes.startsWith(b, i, ascii)) return i;
        throw new AssertionError(ascii + " not found");
    }
}
