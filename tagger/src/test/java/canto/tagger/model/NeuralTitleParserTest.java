package canto.tagger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.SafeTensors;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.training.Fixtures;
import canto.tagger.training.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled model on clear titles written for this test (not rows of the shared data). */
class NeuralTitleParserTest {
    private static NeuralTitleParser parser;

    @BeforeAll
    static void load() { parser = NeuralTitleParser.loadBundled(); }

    private static void check(String input, List<String> artists, List<String> titles) {
        ParsedTitle p = parser.parse(input);
        assertEquals(artists, p.artists(), input);
        assertEquals(titles, p.titles(), input);
        assertEquals(input, p.input());
        assertTrue(p.confidence() > 0.3 && p.confidence() <= 1.0, "confidence " + p.confidence());
    }

    @Test
    void clearTitles() {
        check("陳奕迅 Eason Chan - 《葡萄成熟時》Official MV", List.of("陳奕迅"), List.of("葡萄成熟時"));
        check("容祖兒 Joey Yung【揮著翅膀的女孩】(Official Music Video)", List.of("容祖兒"), List.of("揮著翅膀的女孩"));
        check("張學友 - 每天愛你多一些 (Live)", List.of("張學友"), List.of("每天愛你多一些"));
        check("光輝歲月 - Beyond", List.of("Beyond"), List.of("光輝歲月"));
        check("Dear Jane - 到此為止 (Official Music Video)", List.of("Dear Jane"), List.of("到此為止"));
    }

    @Test
    void duetsGiveOnePiecePerSinger() {
        ParsedTitle p = parser.parse("古巨基 x 容祖兒 - 愛與誠 MV");
        assertEquals(List.of("古巨基", "容祖兒"), p.artists());
        assertEquals("古巨基 / 容祖兒", p.artist());
        assertEquals("愛與誠", p.title());
    }

    @Test
    void fileNamesInBothIdFormsParseLikeTheTitle() {
        ParsedTitle title = parser.parse("陳奕迅 Eason Chan - 《葡萄成熟時》Official MV");
        for (String name : new String[] {"陳奕迅 Eason Chan - 《葡萄成熟時》Official MV-w1TMv7jx8ew.mp3",
                "陳奕迅 Eason Chan - 《葡萄成熟時》Official MV [w1TMv7jx8ew].mp3",
                "陳奕迅 Eason Chan - 《葡萄成熟時》Official MV [w1TMv7jx8ew].m4a"}) {
            ParsedTitle p = parser.parse(name);
            assertEquals(title.artists(), p.artists(), name);
            assertEquals(title.titles(), p.titles(), name);
            assertEquals(title.confidence(), p.confidence(), 1e-12, name);
        }
    }

    @Test
    void threadsSharingOneParserGetTheSameAnswersAsOneThread() throws Exception {
        List<String> titles = new java.util.ArrayList<>();
        for (String row : Fixtures.ROWS) titles.add(row.substring(0, row.indexOf('\t')));
        List<ParsedTitle> expected = new java.util.ArrayList<>();
        for (String t : titles) expected.add(parser.parse(t));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> jobs = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                jobs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < titles.size(); i++) if (!parser.parse(titles.get(i)).equals(expected.get(i))) return false;
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> j : jobs) assertTrue(j.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyInputGivesEmptyPieces() {
        ParsedTitle p = parser.parse("   ");
        assertEquals(List.of(), p.artists());
        assertEquals("", p.title());
        assertTrue(p.review(), "nothing found: flagged");
    }

    /** A parse missing its artist or its title is flagged whatever its confidence. */
    @Test
    void aParseWithoutArtistOrTitleIsAlwaysFlagged() {
        int missing = 0, confidentMissing = 0;
        for (String t : List.of("[Alexandros] - ワタリドリ (MV)", "西野カナ Kana Nishino - トリセツ (Music Video)",
                "🔴[HQ]雪狼湖 花與琴的流星[歌詞](粵語版)[HQ]", "經典重溫", "Official Music Video", "AGA 江海迦 - 《小問題》MV")) {
            ParsedTitle p = parser.parse(t);
            if (p.artists().isEmpty() || p.titles().isEmpty()) {
                missing++;
                if (p.confidence() >= parser.reviewBelow()) confidentMissing++;
                assertTrue(p.review(), t + " -> " + p.artists() + " " + p.titles() + " at " + p.confidence());
            } else {
                assertEquals(p.confidence() < parser.reviewBelow(), p.review(), t);
            }
        }
        assertTrue(missing >= 2, "the examples should include parses with a piece missing");
        assertTrue(confidentMissing >= 1, "and one the confidence alone would not flag");
    }

    @Test
    void bundledModelCarriesItsRecipe() {
        Map<String, String> m = parser.metadata();
        assertEquals(ModelFile.FORMAT, m.get("format"));
        assertTrue(m.get("architecture").startsWith("EmbeddingBag(") && m.get("architecture").endsWith("LinearChainCrf(5)"), m.get("architecture"));
        assertTrue(m.get("training_data").contains("titles-train.tsv"), m.get("training_data"));
        assertEquals("scalar", m.get("kernels"));
    }

    @Test
    void aModelSavedAndLoadedParsesTheSame(@TempDir Path dir) throws Exception {
        TokenClassifier model = Trainer.train(Fixtures.titles(dir), new TokenClassifier.Config(256, 4, 1, 8, FeatureExtractor.VERSION),
                new Trainer.Options(5, 4, 0.01f, 0f, 0f, 3), null);
        NeuralTitleParser before = new NeuralTitleParser(model, Map.of());
        Path f = dir.resolve("m.safetensors");
        ModelFile.save(f, model, Map.of("seed", "3"));
        NeuralTitleParser after = NeuralTitleParser.load(f);
        String t = "十年 - 陳奕迅 (Lyric Video)";
        assertEquals(before.parse(t), after.parse(t));
        assertEquals("3", after.metadata().get("seed"));
    }

    @Test
    void foreignOrDamagedModelFilesAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.safetensors");
        SafeTensors.writeAtomically(other, Map.of(), Map.of("format", "something-else"));
        DataException e = assertThrows(DataException.class, () -> NeuralTitleParser.load(other));
        assertTrue(e.getMessage().startsWith(other + ": not a title-parser model"), e.getMessage());

        Path cut = dir.resolve("cut.safetensors");
        byte[] bytes = NeuralTitleParserTest.class.getResourceAsStream(NeuralTitleParser.RESOURCE).readAllBytes();
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Exception x = assertThrows(Exception.class, () -> NeuralTitleParser.load(cut));
        assertTrue(x.getMessage().startsWith(cut.toString()), x.getMessage());
    }
}
