package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static TokenizedLyrics tokenize(String... songs) {
        return TokenizedLyrics.of(List.of(songs), new BasicEnglishTokenizer());
    }

    @Test
    void unknownFirstThenByDescendingCountThenLexicographic() {
        // training songs 0..2: b a c / a b z z z / d ;  song 3 (validation): a e
        TokenizedLyrics lyrics = tokenize("b a c", "a b z z z", "d", "a e");
        Vocabulary v = Vocabulary.build(lyrics, new int[] {0, 1, 2});
        // counts: z 3, a 2, b 2, c 1, d 1  (e is only in validation)
        assertEquals(List.of("<unk>", "z", "a", "b", "c", "d"), v.words());
        assertEquals(6, v.size());
        assertEquals(6, v.paddingId());
        assertEquals(3, v.count(1));
        assertEquals(2, v.count(2));
    }

    @Test
    void encodesTheFirstHundredIdsPaddedWithTheVocabularySize() {
        TokenizedLyrics lyrics = tokenize("b a c", "a b z z z", "d", "a e");
        Vocabulary v = Vocabulary.build(lyrics, new int[] {0, 1, 2});
        float[] ids = new float[100];
        v.encode(lyrics, 3, ids, 0);                 // "a e": a = 2, e unknown = 0, then padding 6
        assertEquals(2f, ids[0]);
        assertEquals(0f, ids[1]);
        for (int i = 2; i < 100; i++) assertEquals(6f, ids[i]);
    }

    @Test
    void truncatesLongSongsToTheirFirstHundredTokens() {
        StringBuilder song = new StringBuilder();
        for (int i = 0; i < 150; i++) song.append(i < 100 ? "x " : "y ");
        TokenizedLyrics lyrics = tokenize(song.toString());
        Vocabulary v = Vocabulary.build(lyrics, new int[] {0});
        assertEquals(List.of("<unk>", "x", "y"), v.words());   // y still counted for the vocabulary
        float[] ids = v.encodeAll(lyrics);
        assertEquals(100, ids.length);
        for (float id : ids) assertEquals(1f, id);
    }

    @Test
    void tiesAreInCodePointOrderLikePython() {
        // U+FF5E sorts before U+1F3B5 by code point, after it by UTF-16 unit (0xD83C < 0xFF5E)
        String fullwidthTilde = "\uFF5E", note = "\uD83C\uDFB5";
        TokenizedLyrics lyrics = tokenize(note + " " + fullwidthTilde + " é z");
        Vocabulary v = Vocabulary.build(lyrics, new int[] {0});
        assertEquals(List.of("<unk>", "z", "é", fullwidthTilde, note), v.words());
    }

    @Test
    void aLiteralUnknownTokenIsTheSpecial() {
        TokenizedLyrics lyrics = tokenize("<unk> a <unk>");
        Vocabulary v = Vocabulary.build(lyrics, new int[] {0});
        assertEquals(List.of("<unk>", "a"), v.words());
        float[] ids = v.encodeAll(lyrics);
        assertArrayEquals(new float[] {0, 1, 0, 2, 2}, java.util.Arrays.copyOf(ids, 5));
    }
}
