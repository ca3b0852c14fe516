package canto.tagger.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** "KIND:text" for every token. */
    private static List<String> kinds(String s) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(s)) out.add(t.kind() + ":" + t.text());
        return out;
    }

    @Test
    void everyBracketKindOpensAndCloses() {
        List<Token> t = Tokenizer.tokenize("《甲》【乙】「丙」(丁)[戊]（己）『庚』");
        Bracket[] expected = {Bracket.BOOK, Bracket.LENTICULAR, Bracket.CORNER, Bracket.PAREN, Bracket.SQUARE,
                Bracket.PAREN, Bracket.CORNER};
        assertEquals(21, t.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(TokenKind.OPEN, t.get(3 * k).kind());
            assertEquals(expected[k], t.get(3 * k).bracket());
            assertEquals(TokenKind.HAN, t.get(3 * k + 1).kind());
            assertEquals(TokenKind.CLOSE, t.get(3 * k + 2).kind());
            assertEquals(expected[k], t.get(3 * k + 2).bracket());
        }
    }

    @Test
    void straightQuotesOpenThenCloseButApostrophesStayApostrophes() {
        assertEquals(List.of("HAN:謝安琪", "OPEN:'", "HAN:鍾無艷", "CLOSE:'", "LATIN:MV"), kinds("謝安琪 '鍾無艷' MV"));
        assertEquals(List.of("OPEN:\"", "NUMBER:29", "SEPARATOR:+", "NUMBER:1", "CLOSE:\""), kinds("\"29+1\""));
        // glued to a word on the left and followed by a space: an apostrophe, not a quote
        assertEquals(List.of("HAN:小塵埃", "LATIN:Lil", "PUNCT:'", "LATIN:Ashes"), kinds("小塵埃 Lil' Ashes"));
        // inside a word it stays in the word
        assertEquals(List.of("LATIN:I'll Be There"), kinds("I'll Be There"));
        List<Token> curly = Tokenizer.tokenize("“鏡子說”");
        assertEquals(Bracket.DOUBLE_QUOTE, curly.get(0).bracket());
        assertEquals(TokenKind.OPEN, curly.get(0).kind());
        assertEquals(TokenKind.CLOSE, curly.get(2).kind());
    }

    @Test
    void everyDashFormIsOneNormalisedDash() {
        for (String dash : new String[] {"-", "－", "—", "─", "–", "--", "——"}) {
            List<Token> t = Tokenizer.tokenize("甲 " + dash + " 乙");
            assertEquals(3, t.size(), dash);
            assertEquals(TokenKind.DASH, t.get(1).kind(), dash);
            assertEquals("-", t.get(1).norm(), dash);
            assertEquals(dash, t.get(1).text());
        }
        assertEquals(List.of("HAN:忘川", "DASH:－", "HAN:陳僖儀"), kinds("忘川－陳僖儀"));
    }

    @Test
    void scriptsSplitAndLatinWordsJoinIntoPhrases() {
        assertEquals(List.of("LATIN:HANA", "HAN:菊梓喬"), kinds("HANA菊梓喬"));
        assertEquals(List.of("HAN:天才兒童", "NUMBER:1985"), kinds("天才兒童1985"));
        assertEquals(List.of("LATIN:Dear Jane", "DASH:-", "HAN:經過一些秋與冬", "LATIN:Days Gone By"),
                kinds("Dear Jane - 經過一些秋與冬 Days Gone By"));
        assertEquals(List.of("LATIN:Hins Live in Passion 2014"), kinds("Hins Live in Passion 2014"));
        assertEquals(List.of("HAN:東京", "KANA:ラブストーリー", "HANGUL:사랑", "LATIN:Ελλάδα"), kinds("東京ラブストーリー 사랑 Ελλάδα"));
    }

    @Test
    void joiningWordsAndTrailingVideoNoiseBreakPhrases() {
        assertEquals(List.of("LATIN:Mirror", "LATIN:x", "LATIN:Dear Jane"), kinds("Mirror x Dear Jane"));
        assertEquals(List.of("LATIN:Warrior", "LATIN:Official Music Video"), kinds("Warrior Official Music Video"));
        assertEquals(List.of("LATIN:ft", "PUNCT:.", "HAN:藍奕邦"), kinds("ft.藍奕邦"));
    }

    @Test
    void emojiAndNonBmpCharactersStayWhole() {
        assertEquals(List.of("SYMBOL:🔴", "OPEN:[", "LATIN:HQ", "CLOSE:]", "HAN:雪狼湖"), kinds("🔴[HQ]雪狼湖"));
        // a family emoji joined with ZWJ is one symbol token
        assertEquals(List.of("SYMBOL:👨\u200D👩\u200D👧", "HAN:歌"), kinds("👨\u200D👩\u200D👧 歌"));
        // U+20BB7 (CJK Extension B) is a Han character of two UTF-16 units
        List<Token> t = Tokenizer.tokenize("𠮷野家 - 歌");
        assertEquals("𠮷野家", t.get(0).text());
        assertEquals(3, t.get(0).codePoints());
        assertEquals(0, t.get(0).start());
        assertEquals(4, t.get(0).end());
    }

    @Test
    void whitespaceIsRememberedAndInvisibleCharactersAreSkipped() {
        List<Token> t = Tokenizer.tokenize("陳奕迅\u3000十年\u200B（Live）");
        assertEquals(List.of("HAN:陳奕迅", "HAN:十年", "OPEN:（", "LATIN:Live", "CLOSE:）"),
                kinds("陳奕迅\u3000十年\u200B（Live）"));
        assertFalse(t.get(0).spaceBefore());
        assertTrue(t.get(1).spaceBefore());
        assertFalse(t.get(2).spaceBefore());
        assertEquals("十年", "陳奕迅\u3000十年\u200B（Live）".substring(t.get(1).start(), t.get(1).end()));
    }

    @Test
    void normalisedTextIsNfkcLowerCase() {
        List<Token> t = Tokenizer.tokenize("ＭＶ《Ｋ歌之王》");
        assertEquals("mv", t.get(0).norm());
        assertEquals("ＭＶ", t.get(0).text());
        assertEquals("k", t.get(2).norm());
        assertEquals(TokenKind.LATIN, t.get(2).kind());
        assertEquals("歌之王", t.get(3).norm());
    }

    @Test
    void emptyAndBlankTitlesHaveNoTokens() {
        assertTrue(Tokenizer.tokenize("").isEmpty());
        assertTrue(Tokenizer.tokenize(" \t\u3000 ").isEmpty());
    }
}
