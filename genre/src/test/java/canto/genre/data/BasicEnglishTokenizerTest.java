package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected tokens worked out by hand from torchtext's basic_english rules. */
class BasicEnglishTokenizerTest {
    private final BasicEnglishTokenizer tok = new BasicEnglishTokenizer();

    @Test
    void lowercasesAndSplitsPunctuationOff() {
        // "don't" -> "don '  t"; "," "(" ")" "!" padded with spaces
        assertEquals(List.of("don", "'", "t", "stop", ",", "(", "believing", ")", "!"),
                tok.tokenize("Don't STOP, (Believing)!"));
    }

    @Test
    void dropsDoubleQuotesAndKeepsPeriodsAndQuestionMarks() {
        assertEquals(List.of("she", "said", "hi", ".", "why", "?"), tok.tokenize("She said \"hi\". Why?"));
        assertEquals(List.of("ab"), tok.tokenize("a\"b"));
    }

    @Test
    void replacesLineBreakTagsSemicolonsAndColonsBySpaces() {
        assertEquals(List.of("a", ".", "b", "x", "y", "z"), tok.tokenize("a.<br />b x;y:z"));
        assertEquals(List.of("a", "b"), tok.tokenize("A<BR />B"));          // lower-cased before replacing
        assertEquals(List.of("<br", "/>"), tok.tokenize("<br  />"));        // only the exact tag goes
    }

    @Test
    void splitsOnPythonWhitespaceAndDropsEmptyTokens() {
        assertEquals(List.of("a", "b", "c", "d"), tok.tokenize("\t A\u00a0B\u2003c \u3000 d \n"));
        assertEquals(List.of(), tok.tokenize("  \n "));
        assertEquals(List.of(), tok.tokenize(""));
    }

    @Test
    void keepsOtherCharactersInsideTokens() {
        assertEquals(List.of("rock-n-roll", "#1", "café", "我的"), tok.tokenize("Rock-n-Roll #1 CAFÉ 我的"));
    }

    @Test
    void apostropheBecomesItsOwnToken() {
        assertEquals(List.of("'", "cause", "rockin", "'"), tok.tokenize("'cause rockin'"));
    }
}
