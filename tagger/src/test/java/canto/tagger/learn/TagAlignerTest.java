package canto.tagger.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import canto.tagger.training.LabelledTitle;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagAlignerTest {
    private static LabelledTitle ok(String name, String tpe1, String tit2) {
        TagAligner.Result r = TagAligner.align(name, tpe1, tit2, "test");
        assertNull(r.skipped(), () -> name + " skipped: " + r.skipped());
        assertNotNull(r.example());
        return r.example();
    }

    private static SkipReason skipped(String name, String tpe1, String tit2) {
        TagAligner.Result r = TagAligner.align(name, tpe1, tit2, "test");
        assertNull(r.example(), () -> name + " was aligned: " + (r.example() == null ? "" : r.example().artists()));
        return r.skipped();
    }

    private static String at(LabelledTitle t, int[] span) { return t.title().substring(span[0], span[1]); }

    @Test
    void simpleTitleBecomesAnExampleWithSpansInTheFileName() {
        LabelledTitle t = ok("AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3", "江海迦", "小問題");
        assertEquals("AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3", t.title(), "the example title is the file name, as parse sees it");
        assertEquals(List.of("江海迦"), t.artists());
        assertEquals(List.of("小問題"), t.titles());
        assertEquals("江海迦", at(t, t.artistSpans()[0]));
        assertEquals("小問題", at(t, t.titleSpans()[0]));
    }

    @Test
    void duetsSplitOnSlashSpacedSlashAndNul() {
        String name = "陳奕迅 Eason Chan x 王菀之 Ivana Wong -《文明》[w1TMv7jx8ew].mp3";
        for (String tpe1 : List.of("陳奕迅 / 王菀之", "陳奕迅/王菀之", "陳奕迅\u0000王菀之")) {
            LabelledTitle t = ok(name, tpe1, "文明");
            assertEquals(List.of("陳奕迅", "王菀之"), t.artists(), tpe1);
            assertEquals("王菀之", at(t, t.artistSpans()[1]));
        }
        // artists named after the song, and in another order than in the title
        LabelledTitle t = ok("《文明》 王菀之 x 陳奕迅.mp3", "陳奕迅 / 王菀之", "文明");
        assertEquals(List.of("王菀之", "陳奕迅"), t.artists(), "pieces in title order");
        // a list the tag joined with '&' that the title joins with 'x'
        LabelledTitle amp = ok("Tyson Yoshi x 周殷廷 - 《Ocean Lane》.mp3", "Tyson Yoshi & 周殷廷", "Ocean Lane");
        assertEquals(List.of("Tyson Yoshi", "周殷廷"), amp.artists());
        // a name with a slash in it is tried whole first; a bare slash between names splits
        assertEquals(List.of("AC/DC"), ok("AC/DC - Thunderstruck (Official Video)", "AC/DC", "Thunderstruck").artists());
        assertEquals(List.of("AC⧸DC"), ok("AC⧸DC - Thunderstruck (Official Video) [v2AC4bbVdbw].mp3", "AC/DC", "Thunderstruck").artists());
        assertEquals(List.of("DISH⧸⧸"), ok("DISH⧸⧸ - 猫 ⧸ THE FIRST TAKE.mp3", "DISH//", "猫").artists());
    }

    @Test
    void hanAndLatinNamesAlignWhereTheTagSaysButNotInsideAPhrase() {
        LabelledTitle han = ok("Eason Chan 陳奕迅 - 浮誇 (Official MV).mp3", "陳奕迅", "浮誇");
        assertEquals("陳奕迅", at(han, han.artistSpans()[0]));
        LabelledTitle latin = ok("Eason Chan 陳奕迅 - 浮誇 (Official MV).mp3", "Eason Chan", "浮誇");
        assertEquals("Eason Chan", at(latin, latin.artistSpans()[0]));
        LabelledTitle cased = ok("DEAR JANE - 哪裡只得我共你 Official MV.mp3", "Dear Jane", "哪裡只得我共你");
        assertEquals(List.of("DEAR JANE"), cased.artists(), "case is ignored; the example keeps the title's text");
        LabelledTitle wide = ok("ＭＩＲＲＯＲ《Ｅｍｐｅｒｏｒ》.mp3", "MIRROR", "Emperor");
        assertEquals(List.of("ＭＩＲＲＯＲ"), wide.artists(), "full-width forms match (NFKC)");
        assertEquals(SkipReason.NOT_ON_TOKENS, skipped("Eason Chan 陳奕迅 - 浮誇.mp3", "Eason", "浮誇"),
                "'Eason' is only part of the phrase 'Eason Chan'");
        assertEquals(SkipReason.NOT_ON_TOKENS, skipped("陳奕迅浮誇.mp3", "陳奕迅", "浮誇"), "inside one Han run");
    }

    @Test
    void tagsThatDoNotAlignAreSkippedWithTheirReason() {
        assertEquals(SkipReason.NO_TAGS, skipped("陳奕迅 - 浮誇.mp3", null, "浮誇"));
        assertEquals(SkipReason.NO_TAGS, skipped("陳奕迅 - 浮誇.mp3", "陳奕迅", "  "));
        assertEquals(SkipReason.ARTIST_NOT_IN_NAME, skipped("01 浮誇.mp3", "陳奕迅", "浮誇"), "a CD rip's name");
        assertEquals(SkipReason.TITLE_NOT_IN_NAME, skipped("陳奕迅 - 浮誇.mp3", "陳奕迅", "富士山下"));
        assertEquals(SkipReason.OVERLAP, skipped("Twins - Twins.mp3", "Twins - Twins", "Twins"));
        assertEquals(SkipReason.ODD_NAME, skipped("a\tb - c.mp3", "a", "c"));
    }

    @Test
    void ytDlpsChannelAndWholeTitleTagsAreNeverLearnt() {
        String title = "AGA 江海迦 - 《小問題》MV";
        // yt-dlp --embed-metadata: TPE1 = the uploader (channel), TIT2 = the video title
        assertEquals(SkipReason.WHOLE_TITLE, skipped(title + " [w1TMv7jx8ew].mp3", "AGA", title));
        assertEquals(SkipReason.WHOLE_TITLE, skipped(title + "-w1TMv7jx8ew.mp3", "Warner Music Hong Kong", title));
        // the file name carries yt-dlp's stand-ins for characters a file name cannot hold
        assertEquals(SkipReason.WHOLE_TITLE, skipped("陳奕迅 ⧸ 王菀之 - 文明？ [w1TMv7jx8ew].mp3", "Eason Chan", "陳奕迅 / 王菀之 - 文明?"));
        // a video title (no file name) with a slash in it
        assertEquals(SkipReason.WHOLE_TITLE, skipped("GLAY / HOWEVER", "GLAY", "GLAY / HOWEVER"));
        assertEquals(List.of("GLAY"), ok("GLAY / HOWEVER", "GLAY", "HOWEVER").artists());
        // a name yt-dlp shortened: TIT2 is the longer whole title
        assertEquals(SkipReason.WHOLE_TITLE, skipped("容祖兒 Joey Yung - 心淡 Official MV [w1TMv7jx8ew].mp3", "Joey Yung Official",
                "容祖兒 Joey Yung - 心淡 Official MV (Music Video) 4K HD"));
        // a channel that does not occur in the title and the whole title as song
        assertEquals(SkipReason.ARTIST_NOT_IN_NAME, skipped("陳奕迅 - 浮誇.mp3", "EEG Music", "浮誇"));
    }
}
