package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.features.BaselineFeatures;
import canto.tagger.model.ParsedTitle;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {

    @Test
    void foldsAreSeededAndBalanced() {
        int[] a = CrossValidation.folds(23, 5, 9), b = CrossValidation.folds(23, 5, 9), c = CrossValidation.folds(23, 5, 10);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        int[] size = new int[5];
        for (int f : a) size[f]++;
        for (int s : size) assertTrue(s == 4 || s == 5, java.util.Arrays.toString(size));
    }

    @Test
    void writtenTitlesAreTrainedOnButNeverTested(@TempDir Path dir) throws Exception {
        List<LabelledTitle> data = new ArrayList<>(Fixtures.titles(dir));
        data.add(LabelledTitles.parseLine("周杰倫 - 晴天\t周杰倫\t晴天\t\t", "w:2", false));
        Set<String> tested = new HashSet<>();
        List<Integer> trainSizes = new ArrayList<>();
        List<CrossValidation.Outcome> outcomes = new ArrayList<>();
        CrossValidation.Score s = CrossValidation.run(data, 4, 1, (train, seed) -> {
            trainSizes.add(train.size());
            assertTrue(train.stream().anyMatch(t -> !t.real()));
            // a "parser" that answers with the gold labels of a fixed title, to check the scoring
            return title -> new ParsedTitle(title, List.of("陳奕迅"), List.of("十年"), 1);
        }, outcomes);
        for (CrossValidation.Outcome o : outcomes) tested.add(o.gold().title());
        assertEquals(12, s.titles());
        assertEquals(12, tested.size());
        assertFalse(tested.contains("周杰倫 - 晴天"));
        assertEquals(List.of(10, 10, 10, 10), trainSizes); // 9 real + 1 written in each fold
        // two fixture titles are by 陳奕迅; one of them is the song 十年
        assertEquals(2, s.artistExact());
        assertEquals(1, s.titleExact());
        assertEquals(1, s.bothExact());
    }

    @Test
    void piecesCompareInOrderAfterWhitespaceNormalisation() {
        assertTrue(CrossValidation.same(List.of("Da Di  Da"), List.of(" Da Di Da")));
        assertFalse(CrossValidation.same(List.of("甲", "乙"), List.of("乙", "甲")));
        assertFalse(CrossValidation.same(List.of("甲"), List.of("甲", "乙")));
        assertTrue(CrossValidation.same(List.of(), List.of()));
    }

    @Test
    void baselineHasFourteenPositionalFeatures() {
        List<Token> t = Tokenizer.tokenize("陳奕迅 - 《十年》");
        float[] x = BaselineFeatures.of(t); // 陳奕迅 - 《 十年 》
        assertEquals(5 * 14, x.length);
        float[] han = java.util.Arrays.copyOfRange(x, 3 * 14, 4 * 14);
        assertArrayEquals(new float[] {0.75f, 0, 0, 1, 0, 0, 0, 0.2f, 1, 0, 0, 0, 0, 1}, han);
        float[] first = java.util.Arrays.copyOfRange(x, 0, 14);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 0.3f, 0, 0, 0, 0, 1, 0}, first);
    }
}
