package canto.tagger.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {
    private static final int O = 0, A = 1, T = 2;

    @Test
    void consecutiveLabelsFormOnePieceWithItsInnerSpaces() {
        String s = "黃秋生 張敬軒 帶頭唱 問誰未發聲";
        List<Token> t = Tokenizer.tokenize(s);
        int[] labels = {A, A, O, T};
        assertEquals(List.of("黃秋生 張敬軒"), Pieces.of(s, t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("問誰未發聲"), Pieces.of(s, t, labels, TokenLabel.TITLE));
    }

    @Test
    void separatedRunsArePiecesInTitleOrder() {
        String s = "容祖兒、張敬軒 《天窗》";
        List<Token> t = Tokenizer.tokenize(s); // 容祖兒 、 張敬軒 《 天窗 》
        int[] labels = {A, O, A, O, T, O};
        assertEquals(List.of("容祖兒", "張敬軒"), Pieces.of(s, t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("天窗"), Pieces.of(s, t, labels, TokenLabel.TITLE));
    }

    @Test
    void punctuationInsideAPieceIsKeptButAPunctuationOnlyPieceIsDropped() {
        String s = "JUNO 麥浚龍 - 《勇悍 · 17》 MV";
        List<Token> t = Tokenizer.tokenize(s); // JUNO 麥浚龍 - 《 勇悍 · 17 》 MV
        assertEquals(9, t.size());
        assertEquals(List.of("勇悍 · 17"), Pieces.of(s, t, new int[] {O, A, O, O, T, T, T, O, O}, TokenLabel.TITLE));
        assertEquals(List.of(), Pieces.of(s, t, new int[] {O, A, T, O, O, O, O, O, O}, TokenLabel.TITLE));
    }

    @Test
    void aGluedPunctuationMarkBetweenTitleTokensBecomesTitle() {
        String s = "楊千嬅 - 一二三，三二一 (Live)";
        List<Token> t = Tokenizer.tokenize(s); // 楊千嬅 - 一二三 ， 三二一 ( Live )
        int[] labels = {A, O, T, O, T, O, O, O};
        LabelRules.apply(t, labels);
        assertEquals(List.of("一二三，三二一"), Pieces.of(s, t, labels, TokenLabel.TITLE));
        // artists are not bridged: two singers stay two pieces
        String d = "陳豪，林保怡";
        List<Token> u = Tokenizer.tokenize(d);
        int[] l2 = {A, O, A};
        LabelRules.apply(u, l2);
        assertEquals(List.of("陳豪", "林保怡"), Pieces.of(d, u, l2, TokenLabel.ARTIST));
        // a mark with a space beside it is not glued
        String e = "十年 . 好久不見";
        List<Token> v = Tokenizer.tokenize(e);
        int[] l3 = {T, O, T};
        LabelRules.apply(v, l3);
        assertEquals(List.of("十年", "好久不見"), Pieces.of(e, v, l3, TokenLabel.TITLE));
    }

    @Test
    void whitespaceNormalisationCollapsesRunsAndTrims() {
        assertEquals("Da Di Da", Pieces.normaliseSpace("  Da\u3000Di \t Da "));
        assertEquals("", Pieces.normaliseSpace("   "));
    }

    @Test
    void labelledSpansGiveTokenLabelsThatDecodeBackToTheSamePieces() {
        LabelledTitle lt = LabelledTitles.parseLine("Kay Tse 謝安琪 - 《沐春風》 MV\t謝安琪\t沐春風\t8-11\t15-18", "x:2", true);
        List<Token> t = Tokenizer.tokenize(lt.title());
        int[] labels = lt.tokenLabels(t);
        assertEquals(List.of("謝安琪"), Pieces.of(lt.title(), t, labels, TokenLabel.ARTIST));
        assertEquals(List.of("沐春風"), Pieces.of(lt.title(), t, labels, TokenLabel.TITLE));
        assertEquals(true, lt.alignsWith(t));
    }
}
