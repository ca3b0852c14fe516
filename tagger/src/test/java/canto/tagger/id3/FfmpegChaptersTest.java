package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ffmpeg 5.1 writes the sizes of CHAP and CTOC frames as plain integers and all other sizes
 * (their sub-frames' too) synchsafe, so a file with a chapter of 128 bytes or more beside any
 * other frame of 128 bytes or more lines up under neither size reading (we refused such files;
 * mutagen 1.46 reads none of their chapters). Two files: {@code ffmpeg51-chapters.mp3}, made by
 * the real ffmpeg 5.1.9 (the command is in {@code ffmpeg51-chapters.README} beside it: 30
 * chapters, a 146-byte CTOC, two CHAP frames of 128+ bytes, a 128+ byte TIT2 and a PNG cover),
 * and the same layout built byte by byte ({@link Layouts#chapters(int, boolean, boolean)}).
 * Each is tagged under 2.3 and 2.4 and again (nothing changes the second time); its chapters
 * keep their titles, read back by us, and by mutagen and ffprobe when they are installed
 * (ffprobe where it reads the original's chapters: ffprobe 5.1 misses those with 128+ byte sub-frames).
 */
class FfmpegChaptersTest {
    private static final String ARTIST = "江海迦";
    private static final String TITLE = "小問題";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void realFfmpeg51FileKeepsEveryChapter(Id3Version version) throws Exception {
        byte[] original = resource("ffmpeg51-chapters.mp3");
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> titles = ffmetaChapterTitles(new String(resource("ffmpeg51-chapters.ffmeta"), StandardCharsets.UTF_8));
        for (int i = 0; i < titles.size(); i++) expected.put("ch" + i, titles.get(i));
        assertEquals(30, expected.size());
        assertTrue(expected.get("ch1").getBytes(StandardCharsets.UTF_8).length > 118, "a CHAP frame of 128+ bytes");
        tagTwiceAndCheck(original, expected, version, 30);
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void ffmpeg51LayoutBuiltInCodeKeepsItsChapters(Id3Version version) throws Exception {
        byte[] original = Layouts.mp3(Layouts.tag(4, 0, Layouts.chapters(4, false, true)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ch0", Layouts.LONG_CHAPTER + "1");
        expected.put("ch1", Layouts.LONG_CHAPTER + "2");
        tagTwiceAndCheck(original, expected, version, 2);
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void aTableOfContentsOf128BytesKeepsEveryChapterAfterIt(Id3Version version) throws Exception {
        // ffmpeg 5.1 with 33 chapters: a CTOC of 161 bytes, plain size 0x000000A1, beside a synchsafe TIT2 of
        // 128+ bytes. Read synchsafe, the CTOC ends after 33 bytes on the zero after a child id, and the probe
        // found the 33 CHAP frames after it dropped as "padding" (the tag kept 2.4, its chapters gone).
        List<String> children = new ArrayList<>();
        List<Layouts.Frame> chaps = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 33; i++) {
            children.add("ch" + i);
            expected.put("ch" + i, "第" + i + "章");
            byte[] sub = Layouts.frames(4, Layouts.Frame.of(Mp3Fixtures.text("TIT2", 3, "第" + i + "章")));
            chaps.add(new Layouts.Frame("CHAP", Layouts.chap("ch" + i, i * 100, i * 100 + 100, sub), 0, new byte[0], true));
        }
        byte[] ctoc = Layouts.ctoc("toc", children, new byte[0]);
        assertTrue(ctoc.length >= 128 && (ctoc.length & 0x80) != 0, "a size whose top bit is set: " + ctoc.length);
        byte[] tag = Mp3Fixtures.concat(
                Layouts.frames(4, Layouts.Frame.of(Mp3Fixtures.text("TIT2", 3, "A long main title ".repeat(8)))),
                Layouts.frames(4, new Layouts.Frame("CTOC", ctoc, 0, new byte[0], true)),
                Layouts.frames(4, chaps.toArray(new Layouts.Frame[0])), new byte[30]);
        tagTwiceAndCheck(Layouts.mp3(Layouts.tag(4, 0, tag)), expected, version, 33);
    }

    @Test
    void theOriginalLinesUpUnderNeitherSingleReading() throws Exception {
        byte[] original = resource("ffmpeg51-chapters.mp3");
        Path f = Mp3Fixtures.write(dir.resolve("f.mp3"), original);
        Mp3Facts facts = Mp3Reader.read(f);
        // (this line is given only when the frames lined up under neither single reading)
        assertEquals(List.of("read the sizes of frames CTOC, CHAP as plain integers and the others' as synchsafe (as ffmpeg 5.1 writes chapters)"),
                facts.repairs());
        assertEquals(30, chapterTitles(facts).size());
    }

    @Test
    void chapterWhoseSubFramesFitUnderNoReadingIsRefused() throws Exception {
        // ffmpeg 5.1's layout, but the first chapter's TIT2 claims 40 bytes more than its CHAP holds
        byte[] tag = Layouts.chapters(4, false, true);
        int chap = indexOf(tag, "CHAP"), sub = indexOf(tag, chap, "TIT2");
        tag[sub + 7] += 40;
        byte[] original = Layouts.mp3(Layouts.tag(4, 0, tag));
        for (Id3Version v : Id3Version.values()) {
            Path f = Mp3Fixtures.write(dir.resolve("bad.mp3"), original);
            TagResult r = new Mp3Tagger(v, false).tag(f, ARTIST, TITLE);
            assertEquals(TagResult.Status.FAILED, r.status());
            assertTrue(r.error().startsWith("damaged ID3v2 tag: "), r.error());
            assertArrayEquals(original, Files.readAllBytes(f), "left alone");
        }
    }

    private void tagTwiceAndCheck(byte[] original, Map<String, String> expected, Id3Version version, int chapters) throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve("Someone - Song.mp3"), original);
        Mp3Facts before = Mp3Reader.read(f);
        assertEquals(expected, chapterTitles(before), "our reading of the original");
        TagResult r = new Mp3Tagger(version, false).tag(f, ARTIST, TITLE);
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("as plain integers")), r.notes().toString());
        Mp3Facts back = Mp3Reader.read(f);
        assertEquals(version, back.tagVersion());
        assertEquals(List.of(), back.repairs(), "written plainly");
        assertEquals(expected, chapterTitles(back));
        assertEquals(ARTIST, back.text("TPE1"));
        assertEquals(TITLE, back.text("TIT2"));
        byte[] now = Files.readAllBytes(f);
        assertArrayEquals(Arrays.copyOfRange(original, (int) before.tagLength(), original.length - (before.hasId3v1() ? 128 : 0)),
                Arrays.copyOfRange(now, (int) back.tagLength(), now.length - (back.hasId3v1() ? 128 : 0)), "audio kept byte for byte");

        TagResult again = new Mp3Tagger(version, false).tag(f, ARTIST, TITLE);
        assertEquals(TagResult.Status.UNCHANGED, again.status(), again.notes() + " " + again.error());
        assertArrayEquals(now, Files.readAllBytes(f), "the second run changes nothing");

        if (IndependentReaders.hasPython()) {
            Map<String, String> m = IndependentReaders.read(f);
            assertNull(m.get("mutagen.error"), m.toString());
            assertEquals(IndependentReaders.json(version.label()), m.get("mutagen.version"));
            assertEquals(expected, mutagenChapterTitles(m.get("mutagen.chapters")), "mutagen reads every chapter");
        } else {
            System.out.println("FfmpegChaptersTest: mutagen check skipped (" + IndependentReaders.PYTHON + " -c 'import mutagen, eyed3' fails)");
        }
        if (IndependentReaders.hasFfprobe()) {
            // ffprobe 5.1 reads no chapter of a 2.4 tag whose sub-frames are 128+ bytes (it reads their
            // sizes as plain integers), so the result is compared where ffprobe reads the original
            Path was = Mp3Fixtures.write(dir.resolve("original.mp3"), original);
            if (ffprobeChapterTitles(was).equals(new ArrayList<>(expected.values()))) {
                assertEquals(new ArrayList<>(expected.values()), ffprobeChapterTitles(f), "ffprobe reads the chapters in order");
            } else {
                System.out.println("FfmpegChaptersTest: ffprobe does not read this original's chapters; not compared");
            }
        } else {
            System.out.println("FfmpegChaptersTest: ffprobe check skipped (not installed)");
        }
        assertEquals(chapters, expected.size());
    }

    private static List<String> ffprobeChapterTitles(Path f) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>(IndependentReaders.run(false, List.of("ffprobe", "-v", "error", "-show_entries",
                "chapter_tags=title", "-of", "default=nw=1:nk=1", f.toString())));
        out.removeIf(String::isEmpty);
        return out;
    }

    /** Element id -> the TIT2 of each CHAP, in tag order, as our reader sees them. */
    static Map<String, String> chapterTitles(Mp3Facts facts) throws TagException {
        Map<String, String> out = new LinkedHashMap<>();
        for (RawFrame f : facts.frames()) {
            if (!f.id().equals("CHAP")) continue;
            int start = ChapterFrames.subFramesStart("CHAP", f.data());
            List<RawFrame> sub = new FrameReader(facts.tagVersion().major(), false, new ArrayList<>())
                    .read(Arrays.copyOfRange(f.data(), start, f.data().length), "");
            String title = null;
            for (RawFrame s : sub) if (s.id().equals("TIT2")) title = Id3Text.decodeTextFrame(s.data());
            out.put(ChapterFrames.elementId(f.data()), title);
        }
        return out;
    }

    /** read_tags.py's mutagen.chapters ([[element id, ["TIT2=..." ...]] ...]) -> element id -> title, CHAP only, by element id. */
    private static Map<String, String> mutagenChapterTitles(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        List<?> list = (List<?>) Json.parse(json);
        List<String[]> pairs = new ArrayList<>();
        for (Object o : list) {
            List<?> entry = (List<?>) o;
            String id = (String) entry.get(0);
            for (Object s : (List<?>) entry.get(1)) {
                String sub = (String) s;
                if (sub.startsWith("TIT2=") && id.startsWith("ch")) pairs.add(new String[] {id, sub.substring(5)});
            }
        }
        pairs.sort((a, b) -> Integer.compare(Integer.parseInt(a[0].substring(2)), Integer.parseInt(b[0].substring(2))));
        for (String[] p : pairs) out.put(p[0], p[1]);
        return out;
    }

    /** The title= line of each [CHAPTER] of an ffmetadata file, in order. */
    private static List<String> ffmetaChapterTitles(String ffmeta) {
        List<String> out = new ArrayList<>();
        boolean inChapter = false;
        for (String line : ffmeta.split("\n")) {
            if (line.startsWith("[")) inChapter = line.equals("[CHAPTER]");
            else if (inChapter && line.startsWith("title=")) out.add(line.substring(6));
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FfmpegChaptersTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("test resource " + name + " is missing");
            return in.readAllBytes();
        }
    }

    private static int indexOf(byte[] b, String ascii) {
        return indexOf(b, 0, ascii);
    }

    private static int indexOf(byte[] b, int from, String ascii) {
        for (int i = from; i < b.length; i++) if (Bytes.startsWith(b, i, ascii)) return i;
        throw new AssertionError(ascii + " not found");
    }
}
