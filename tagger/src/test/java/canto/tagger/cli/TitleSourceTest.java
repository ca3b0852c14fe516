package canto.tagger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** yt-dlp's file names, its .info.json and --title. */
class TitleSourceTest {
    @TempDir
    Path dir;

    @Test
    void infoJsonTitleReplacesTheFileName() throws Exception {
        Path mp3 = dir.resolve("AGA 江海迦 - 《小問題》MV ｜ Official ⧸ HD [w1TMv7jx8ew].mp3");
        Files.writeString(dir.resolve("AGA 江海迦 - 《小問題》MV ｜ Official ⧸ HD [w1TMv7jx8ew].info.json"),
                "{\"id\": \"w1TMv7jx8ew\", \"formats\": [{\"url\": \"x\", \"height\": 720}], \"tags\": [],"
                        + " \"title\": \"AGA \\u6c5f\\u6d77\\u8fe6 - \\u300a\u5c0f\u554f\u984c\u300bMV | Official / HD\", \"duration\": 201.5, \"track\": null}");
        TitleSource s = TitleSource.of(mp3, null);
        assertEquals("AGA 江海迦 - 《小問題》MV | Official / HD", s.text());
        assertNull(s.skipReason());
    }

    @Test
    void infoJsonArtistAndTrackAreWrittenAsTheyAre() throws Exception {
        Path mp3 = dir.resolve("x [w1TMv7jx8ew].mp3");
        Files.writeString(dir.resolve("x [w1TMv7jx8ew].info.json"),
                "{\"title\": \"whatever (Official MV)\", \"artist\": \"陳奕迅, 王菀之\", \"track\": \"沙龍\", \"album\": \"x\"}");
        TitleSource s = TitleSource.of(mp3, null);
        assertNull(s.text());
        assertEquals("陳奕迅 / 王菀之", s.artist());
        assertEquals("沙龍", s.title());
    }

    @Test
    void titleOptionWinsAndSubstitutesAreTurnedBack() throws Exception {
        assertEquals("given", TitleSource.of(dir.resolve("a.mp3"), "given").text());
        assertEquals("AC/DC - Back in Black：Live.mp3", TitleSource.of(dir.resolve("AC⧸DC - Back in Black：Live.mp3"), null).text());
    }

    @Test
    void restrictFilenamesOutputIsSkipped() {
        TitleSource s = TitleSource.of(dir.resolve("AGA_-_MV-w1TMv7jx8ew.mp3"), null);
        assertTrue(s.skipReason().contains("--restrict-filenames"), s.skipReason());
        assertNull(TitleSource.of(dir.resolve("AGA - MV-w1TMv7jx8ew.mp3"), null).skipReason());
    }

    @Test
    void badJsonFallsBackToTheName() throws Exception {
        Files.writeString(dir.resolve("A - B.info.json"), "{not json");
        assertEquals("A - B.mp3", TitleSource.of(dir.resolve("A - B.mp3"), null).text());
        assertNull(JsonStrings.read("[1, 2]"));
        assertEquals("v", JsonStrings.read(" {\"a\": {\"b\": [1, {\"c\": \"d\"}]}, \"k\": \"v\", \"n\": -1.5e3, \"t\": true}").get("k"));
    }

    @Test
    void optionsParse() throws Exception {
        TagOptions o = TagArguments.parse(List.of("--id3v1", "strip", "--id3v1-encoding=big5", "--cover", "car", "--cover-size", "300",
                "--title", "T", "a.mp3"));
        assertEquals(canto.tagger.id3.Id3v1Policy.STRIP, o.settings().id3v1());
        assertEquals("big5", o.settings().id3v1Encoding());
        assertEquals(canto.tagger.id3.CoverPolicy.CAR, o.settings().cover());
        assertEquals(300, o.settings().coverSize());
        assertEquals("T", o.title());
        TagOptions d = TagArguments.parse(List.of("a.mp3"));
        assertEquals(canto.tagger.id3.Id3v1Policy.UPDATE, d.settings().id3v1());
        assertEquals("latin1", d.settings().id3v1Encoding());
        assertEquals(canto.tagger.id3.CoverPolicy.KEEP, d.settings().cover());
        for (List<String> bad : List.of(List.of("--id3v1", "x", "a.mp3"), List.of("--id3v1-encoding", "utf8", "a.mp3"),
                List.of("--cover", "big", "a.mp3"), List.of("--cover-size", "5", "a.mp3"), List.of("--title", "T", "a.mp3", "b.mp3"))) {
            try {
                TagArguments.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (UsageException e) {
                assertTrue(!e.getMessage().contains("\n"));
            }
        }
    }
}
