package canto.tagger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {
    private static final int O = 0, A = 1, T = 2;

    @Test
    void consecutiveLabelsFormOnePieceWithItsInnerSpaces() {
        String s = "劉德華 張學友 合唱 我們的歌";
        List<Token> t = Tokenizer.tokenize(s);
        int[] labels = {A, A, O, T};
        assertEquals(List.of("劉德華 張學友"), Pieces.of(s, t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("我們的歌"), Pieces.of(s, t, labels, TokenLabel.TITLE));
    }

    @Test
    void separatedRunsArePiecesInTitleOrder() {
        String s = "容祖兒、陳奕迅 《心淡》";
        List<Token> t = Tokenizer.tokenize(s); // 容祖兒 、 陳奕迅 《 心淡 》
        int[] labels = {A, O, A, O, T, O};
        assertEquals(List.of("容祖兒", "陳奕迅"), Pieces.of(s, t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("心淡"), Pieces.of(s, t, labels, TokenLabel.TITLE));
    }

    @Test
    void punctuationInsideAPieceIsKeptButAPunctuationOnlyPieceIsDropped() {
        String s = "Juno 歌手甲 - 《大丈夫 · 2》 MV";
        List<Token> t = Tokenizer.tokenize(s); // Juno 歌手甲 - 《 大丈夫 · 2 》 MV
        assertEquals(9, t.size());
        assertEquals(List.of("大丈夫 · 2"), Pieces.of(s, t, new int[] {O, A, O, O, T, T, T, O, O}, TokenLabel.TITLE));
        assertEquals(List.of(), Pieces.of(s, t, new int[] {O, A, T, O, O, O, O, O, O}, TokenLabel.TITLE));
    }

    @Test
    void aGluedPunctuationMarkBetweenTitleTokensBecomesTitle() {
        int o = Tag.OTHER.ordinal(), ba = Tag.B_ARTIST.ordinal(), bt = Tag.B_TITLE.ordinal();
        String s = "鄭秀文 - 上一站，下一站 (Live)";
        List<Token> t = Tokenizer.tokenize(s); // 鄭秀文 - 上一站 ， 下一站 ( Live )
        int[] tags = {ba, o, bt, o, bt, o, o, o};
        LabelRules.apply(t, tags);
        assertEquals(List.of("上一站，下一站"), Pieces.ofTags(s, t, tags, TokenLabel.TITLE));
        // artists are not bridged: two singers stay two pieces
        String d = "黎明，郭富城";
        List<Token> u = Tokenizer.tokenize(d);
        int[] t2 = {ba, o, ba};
        LabelRules.apply(u, t2);
        assertEquals(List.of("黎明", "郭富城"), Pieces.ofTags(d, u, t2, TokenLabel.ARTIST));
        // a mark with a space beside it is not glued
        String e = "十年 . 好久不見";
        List<Token> v = Tokenizer.tokenize(e);
        int[] t3 = {bt, o, bt};
        LabelRules.apply(v, t3);
        assertEquals(List.of("十年", "好久不見"), Pieces.ofTags(e, v, t3, TokenLabel.TITLE));
    }

    @Test
    void beginTagsSplitAdjacentPiecesAndInsideTagsContinueThem() {
        int o = Tag.OTHER.ordinal(), ba = Tag.B_ARTIST.ordinal(), ia = Tag.I_ARTIST.ordinal(), bt = Tag.B_TITLE.ordinal(),
                it = Tag.I_TITLE.ordinal();
        String s = "陳奕迅 王菀之 - 你的背包 MV";
        List<Token> t = Tokenizer.tokenize(s); // 陳奕迅 王菀之 - 你的背包 MV
        assertEquals(List.of("陳奕迅", "王菀之"), Pieces.ofTags(s, t, new int[] {ba, ba, o, bt, o}, TokenLabel.ARTIST));
        assertEquals(List.of("陳奕迅 王菀之"), Pieces.ofTags(s, t, new int[] {ba, ia, o, bt, o}, TokenLabel.ARTIST));
        // an inside tag after something else still starts a piece
        assertEquals(List.of("王菀之"), Pieces.ofTags(s, t, new int[] {o, ia, o, it, o}, TokenLabel.ARTIST));
        assertEquals(List.of("你的背包"), Pieces.ofTags(s, t, new int[] {o, ia, o, it, o}, TokenLabel.TITLE));
    }

    @Test
    void whitespaceNormalisationCollapsesRunsAndTrims() {
        assertEquals("Da Di Da", Pieces.normaliseSpace("  Da\u3000Di \t Da "));
        assertEquals("", Pieces.normaliseSpace("   "));
    }

    @Test
    void labelledSpansGiveTokenLabelsThatDecodeBackToTheSamePieces() {
        LabelledTitle lt = LabelledTitles.parseLine("Leo Ku 古巨基 - 《必殺技》 MV\t古巨基\t必殺技\t7-10\t14-17", "x:2", true);
        List<Token> t = Tokenizer.tokenize(lt.title());
        int[] labels = lt.tokenLabels(t);
        assertEquals(List.of("古巨基"), Pieces.of(lt.title(), t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("必殺技"), Pieces.of(lt.title(), t, labels, TokenLabel.TITLE));
        assertEquals(true, lt.alignsWith(t));
    }
}
