package canto.tagger.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void youtubeDlNamesLoseIdAndExtension() {
        assertEquals("AGA 江海迦 - 《小問題》MV", FileNames.toTitle("AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3"));
        assertEquals("陳奕迅 - 十年", FileNames.toTitle("陳奕迅 - 十年-a_b-C9d8E7g.m4a"));
    }

    @Test
    void ytDlpNamesLoseIdAndExtension() {
        assertEquals("AGA 江海迦 - 《小問題》MV", FileNames.toTitle("AGA 江海迦 - 《小問題》MV [w1TMv7jx8ew].mp3"));
        assertEquals("容祖兒《我的驕傲》", FileNames.toTitle("容祖兒《我的驕傲》 [Q-2x_9ZzAb8].opus"));
        // a format-suffixed partial download
        assertEquals("容祖兒《我的驕傲》", FileNames.toTitle("容祖兒《我的驕傲》 [Q-2x_9ZzAb8].f251.webm.part"));
    }

    @Test
    void foldersAreDroppedOnlyFromFileNames() {
        assertEquals("陳奕迅 - 十年", FileNames.toTitle("/music/2019/陳奕迅 - 十年 [w1TMv7jx8ew].mp3"));
        assertEquals("陳奕迅 - 十年", FileNames.toTitle("C:\\Music\\陳奕迅 - 十年.MP3"));
        // without a media extension a slash is part of the title
        assertEquals("蘇永康／容祖兒 / 越吻越傷心", FileNames.toTitle("蘇永康／容祖兒 / 越吻越傷心"));
    }

    @Test
    void rawTitlesStayAsTheyAre() {
        assertEquals("張學友 _ 吻別 (高清)", FileNames.toTitle("  張學友 _ 吻別 (高清)  "));
        assertEquals("Eason [Official MV]", FileNames.toTitle("Eason [Official MV]"));
        assertEquals("梅艷芳.夕陽之歌", FileNames.toTitle("梅艷芳.夕陽之歌"));
        assertEquals("Version 2.0", FileNames.toTitle("Version 2.0"));
    }

    @Test
    void idLikeSuffixesNeedTheIdShape() {
        // 11 characters, but the last one cannot end a YouTube id ('r' is not in AEIMQUYcgkosw048)
        assertEquals("歌-abcdefghijr", FileNames.toTitle("歌-abcdefghijr.mp3"));
        assertEquals("歌", FileNames.toTitle("歌-abcdefghijk.mp3"));
        // without an extension a dash-word is only stripped when it does not look like a word
        assertEquals("Remember-performance", FileNames.toTitle("Remember-performance"));
        assertEquals("Remember", FileNames.toTitle("Remember-w1TMv7jx8ew"));
        // bracketed ids are stripped with or without extension
        assertEquals("歌", FileNames.toTitle("歌 [w1TMv7jx8ew]"));
    }
}
