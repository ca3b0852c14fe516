package canto.tagger.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.io.Json;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.training.Fixtures;
import canto.tagger.training.KnownActs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String out() { return outBytes.toString(StandardCharsets.UTF_8); }
    private String err() { return errBytes.toString(StandardCharsets.UTF_8); }

    @Test
    void parseJsonPrintsOneObjectPerTitleWithTheAgreedFields() {
        int rc = ParseCommand.run(List.of("--json", "古巨基 x 容祖兒 - 愛與誠 MV", "光輝歲月 - Beyond [w1TMv7jx8ew].mp3"), out, err);
        assertEquals(0, rc, err());
        String[] lines = out().split("\n");
        assertEquals(2, lines.length);
        Map<?, ?> first = (Map<?, ?>) Json.parse(lines[0]);
        assertEquals(List.of("input", "artist", "title", "artists", "titles", "confidence", "review"), new ArrayList<>(first.keySet()));
        assertEquals("古巨基 x 容祖兒 - 愛與誠 MV", first.get("input"));
        assertEquals("古巨基 / 容祖兒", first.get("artist"));
        assertEquals(List.of("古巨基", "容祖兒"), first.get("artists"));
        assertEquals("愛與誠", first.get("title"));
        assertEquals(List.of("愛與誠"), first.get("titles"));
        double c = (Double) first.get("confidence");
        assertTrue(c > 0 && c <= 1, "confidence " + c);
        // review is the bundled model's threshold applied to that confidence
        assertEquals(c < NeuralTitleParser.loadBundled().reviewBelow(), first.get("review"));
        Map<?, ?> second = (Map<?, ?>) Json.parse(lines[1]);
        assertEquals("Beyond", second.get("artist"));
        assertEquals("光輝歲月", second.get("title"));
    }

    @Test
    void parseWithoutTitlesReadsStdinLineByLineAndPrintsTabSeparated() {
        String input = "張學友 - 每天愛你多一些 (Live)\n\n光輝歲月 - Beyond\n";
        int rc = ParseCommand.run(List.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err);
        assertEquals(0, rc, err());
        assertEquals("張學友\t每天愛你多一些\n\t\nBeyond\t光輝歲月\n", out().replace("\r\n", "\n"));
    }

    @Test
    void parseJsonEscapesQuotesAndBackslashes() {
        assertEquals(0, ParseCommand.run(List.of("--json", "陳奕迅 \"十年\" \\ MV"), out, err), err());
        Map<?, ?> m = (Map<?, ?>) Json.parse(out().trim());
        assertEquals("陳奕迅 \"十年\" \\ MV", m.get("input"));
    }

    @Test
    void badUsageExits2AndBadModelExits1WithOneLine() {
        assertEquals(2, ParseCommand.run(List.of("--jsn"), out, err));
        assertTrue(err().startsWith("tagger parse: unknown option --jsn"), err());
        errBytes.reset();
        assertEquals(1, ParseCommand.run(List.of("--model", dir.resolve("none.safetensors").toString(), "x"), out, err));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().contains("none.safetensors"), err());
        errBytes.reset();
        assertEquals(1, ParseCommand.run(List.of("--model", dir.toString(), "x"), out, err));
        assertTrue(err().startsWith("tagger parse: cannot load the model: " + dir), err());
        errBytes.reset();
        Path nowhere = dir.resolve("no-such-folder").resolve("m.safetensors");
        assertEquals(1, TrainCommand.run(List.of("--out", nowhere.toString()), out, err));
        assertEquals("tagger train: cannot write " + nowhere + ": folder " + nowhere.getParent().toAbsolutePath()
                + " does not exist", err().strip());
        assertEquals(2, TrainCommand.run(List.of("--seed", "abc"), out, err));
        assertEquals(2, EvalCommand.run(List.of("--folds", "1"), out, err));
    }

    @Test
    void trainWritesAModelThatParseCanUse() throws Exception {
        Path data = Fixtures.write(dir, "fixture.tsv", Fixtures.ROWS);
        Path model = dir.resolve("model.safetensors");
        int rc = TrainCommand.run(List.of("--data", data.toString(), "--seed", "5", "--epochs", "3", "--out", model.toString()), out, err);
        assertEquals(0, rc, err());
        assertTrue(Files.size(model) > 1000);
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        NeuralTitleParser p = NeuralTitleParser.load(model);
        assertEquals("5", p.metadata().get("seed"));
        assertEquals("3", p.metadata().get("epochs"));
        assertTrue(p.metadata().get("training_data").contains("fixture.tsv (12 titles)"), p.metadata().get("training_data"));
        outBytes.reset();
        assertEquals(0, ParseCommand.run(List.of("--model", model.toString(), "--json", "十年 - 陳奕迅"), out, err), err());
        assertTrue(out().startsWith("{\"input\":\"十年 - 陳奕迅\""), out());
    }

    @Test
    void trainWithKnownActsStoresEveryActInTheModelAndParseUsesThem() throws Exception {
        Path data = Fixtures.write(dir, "fixture.tsv", Fixtures.ROWS);
        Path model = dir.resolve("known.safetensors");
        int rc = TrainCommand.run(List.of("--data", data.toString(), "--seed", "5", "--epochs", "1", "--generated", "200",
                "--calibration-folds", "0", "--known-acts", "--out", model.toString()), out, err);
        assertEquals(0, rc, err());
        NeuralTitleParser p = NeuralTitleParser.load(model);
        assertEquals(KnownActs.bundled().lexicon().keys(), p.lexicon().keys());
        assertTrue(p.metadata().get("known_acts").startsWith("every act of TitleGenerator's lists"), p.metadata().get("known_acts"));
        // the marks reach the parse: the same weights without the lexicon score a listed act differently
        NeuralTitleParser bare = new NeuralTitleParser(p.trainableCopy(), Map.of(), canto.tagger.features.ArtistLexicon.ofKeys(List.of("nobody")));
        assertFalse(bare.decode("陳奕迅 - 十年").risk() == p.decode("陳奕迅 - 十年").risk());
    }

    @Test
    void evalSimulatesKnownDevActsOnlyWithTheKnownActsLexicon() throws Exception {
        Path real = Fixtures.write(dir, "real.tsv", Fixtures.ROWS);
        Path dev = Fixtures.write(dir, "dev.tsv", List.of("Qorvanth - Blue Lantern\tQorvanth\tBlue Lantern\t\t"));
        assertEquals(2, EvalCommand.run(List.of("--data", real.toString(), "--dev", dev.toString(), "--dev-only", "--no-known-acts", "--dev-acts-known"), out, err));
        assertTrue(err().contains("--dev-acts-known needs"), err());
        int rc = EvalCommand.run(List.of("--data", real.toString(), "--dev", dev.toString(), "--dev-only", "--generated", "200",
                "--known-acts", "--act-leave-out", "0.5", "--dev-acts-known"), out, err);
        assertEquals(0, rc, err());
        assertTrue(out().contains("known acts: " + KnownActs.bundled().lexicon().size() + " names"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("dev, its acts known (simulated)") && l.endsWith("of 1)")), out());
    }

    @Test
    void trainRefusesBadDataWithFileAndLine() throws Exception {
        Path bad = Fixtures.write(dir, "bad.tsv", List.of("甲 - 乙\t甲\t乙\t0-9\t4-5"));
        assertEquals(1, TrainCommand.run(List.of("--data", bad.toString(), "--out", dir.resolve("m").toString()), out, err));
        assertTrue(err().contains(bad + ":2: field 'artist_spans'"), err());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void evalReportsBothMethodsOnRealTitlesOnly() throws Exception {
        Path real = Fixtures.write(dir, "real.tsv", Fixtures.ROWS);
        Path written = Fixtures.write(dir, "titles-written.tsv", List.of("周杰倫 - 晴天\t周杰倫\t晴天\t\t"));
        int rc = EvalCommand.run(List.of("--data", real.toString(), written.toString(), "--folds", "3", "--seed", "2", "--generated", "500"), out, err);
        assertEquals(0, rc, err());
        String o = out();
        assertTrue(o.contains("tested on 12 real titles; 1 written and 500 generated titles added to every training fold"), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("ours") && l.endsWith("of 12)")), o);
        assertTrue(o.lines().anyMatch(l -> l.startsWith("published") && l.endsWith("of 12)")), o);
    }
}
