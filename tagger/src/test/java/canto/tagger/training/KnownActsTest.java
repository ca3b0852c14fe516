package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.features.ArtistLexicon;
import canto.tagger.tokens.FileNames;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The known-acts lexicon of the bundled recipe: built from the generator's lists, and left out in training as designed. */
class KnownActsTest {
    private static final ArtistLexicon LEXICON = KnownActs.bundled().lexicon();

    private static int[] marks(ArtistLexicon lex, String title) { return lex.marks(Tokenizer.tokenize(title)); }

    private static LabelledTitle title(String row) { return LabelledTitles.parseLine(row, "test:1", false); }

    @Test
    void theLexiconIsEveryNameOfEveryActInTheListsSortedAndTheSameEachTime() {
        Set<String> expected = new TreeSet<>();
        List<List<String>> acts = new ArrayList<>();
        for (TitleLists.Act a : TitleGenerator.acts()) {
            expected.addAll(ArtistLexicon.keysOf(a.allNames()));
            acts.add(a.allNames());
        }
        assertEquals(new ArrayList<>(expected), LEXICON.keys());
        assertEquals(LEXICON.keys(), KnownActs.of(acts).lexicon().keys(), "built again from the lists: the same names");
        assertTrue(LEXICON.size() > 3_500, "every alias of the 2,539 acts: " + LEXICON.size());
        for (String k : List.of("陳奕迅", "陈奕迅", "eason chan", "鄧紫棋", "g.e.m.", "twice", "트와이스", "米津玄師")) {
            assertTrue(LEXICON.keys().contains(k), k);
        }
        assertEquals(Set.of("陳奕迅", "陈奕迅", "eason chan", "eason"), KnownActs.bundled().actKeys("Eason Chan"), "all the names of the act");
        assertEquals(Set.of(), KnownActs.bundled().actKeys("Zqxvorn"));
    }

    @Test
    void aListedActInATitleIsMarkedAndAnUnknownOneIsNot() {
        // 陳奕迅 Eason Chan《浮誇》: both names of the act marked, the song not; a name of several tokens marked whole
        assertArrayEquals(new int[] {ArtistLexicon.FIRST, ArtistLexicon.FIRST, 0, 0, 0}, marks(LEXICON, "陳奕迅 Eason Chan《浮誇》"));
        List<Token> toks = Tokenizer.tokenize("Earth, Wind & Fire - September");
        int[] m = LEXICON.marks(toks);
        assertEquals(ArtistLexicon.FIRST, m[0], toks + " " + java.util.Arrays.toString(m));
        for (int i = 1; i < m.length && !toks.get(i).norm().equals("-"); i++) assertEquals(ArtistLexicon.INSIDE, m[i], toks.get(i).toString());
        assertArrayEquals(new int[] {0, 0, 0}, marks(LEXICON, "Zqxvorn - Blue Lantern"));
    }

    @Test
    void noDevTitleShowsAKnownActSoThePlainDevFigureMeasuresUnknownActs() throws Exception {
        for (LabelledTitle t : LabelledTitles.read(Path.of("..", "data", "tagger", "titles-dev.tsv"), false)) {
            int[] m = LEXICON.marks(Tokenizer.tokenize(FileNames.toTitle(t.title())));
            for (int x : m) assertEquals(0, x, t.source() + ": " + t.title());
        }
    }

    @Test
    void trainingLeavesATitlesOwnActOutWholeWithTheGivenProbability() {
        LabelledTitle t = title("陳奕迅 Eason Chan《浮誇》(cover by 容祖兒)\t陳奕迅\t浮誇\t\t");
        List<Token> toks = Tokenizer.tokenize(t.title());
        int[] all = LEXICON.marks(toks);
        int joey = -1;
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).norm().equals("容祖兒")) joey = i;
        assertEquals(ArtistLexicon.FIRST, all[joey], "the singer of the cover is a listed act");

        // left out always: neither name of the labelled act is marked, the other act still is
        int[] out = KnownActs.bundled().trainingMarks(1, 1f).apply(t, toks);
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
        assertEquals(ArtistLexicon.FIRST, out[joey]);
        // never left out: the parse-time marks
        assertArrayEquals(all, KnownActs.bundled().trainingMarks(1, 0f).apply(t, toks));

        // half the time, drawn per title, the same draws for the same seed
        BiFunction<LabelledTitle, List<Token>, int[]> a = KnownActs.bundled().trainingMarks(7, 0.5f), b = KnownActs.bundled().trainingMarks(7, 0.5f);
        int marked = 0, n = 2000;
        for (int i = 0; i < n; i++) {
            int[] x = a.apply(t, toks);
            assertArrayEquals(x, b.apply(t, toks), "same seed, same draws");
            assertEquals(x[0], x[1], "the act's names go together");
            assertEquals(ArtistLexicon.FIRST, x[joey]);
            if (x[0] != 0) marked++;
        }
        assertTrue(marked > 0.45 * n && marked < 0.55 * n, marked + " of " + n);

        // two labelled acts are drawn independently: a duet shows all four cases
        LabelledTitle duet = title("古巨基 x 鄭秀文 - 必殺技 MV\t古巨基 | 鄭秀文\t必殺技\t\t");
        List<Token> dt = Tokenizer.tokenize(duet.title());
        Set<String> cases = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            int[] x = a.apply(duet, dt);
            cases.add(x[0] + "" + x[2]);
        }
        assertEquals(Set.of("00", "01", "10", "11"), cases);
        assertFalse(KnownActs.bundled().actKeys("古巨基").isEmpty());
    }

    @Test
    void theRecipeParsesWithEveryActOnlyWhenTheOptionIsOn() {
        ParserTraining.Recipe r = ParserTraining.Recipe.defaults(1);
        assertEquals(r.knownActs() ? LEXICON.keys() : List.of(), r.lexicon().keys());
        assertEquals(LEXICON.keys(), r.withKnownActs(true).lexicon().keys());
        assertTrue(r.withKnownActs(false).lexicon().isEmpty());
    }
}
