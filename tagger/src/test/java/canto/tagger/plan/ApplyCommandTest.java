package canto.tagger.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.id3.TagTexts;
import canto.tagger.learn.ExampleFile;
import canto.tagger.learn.LearnCommandTest;
import canto.tagger.learn.UserModelStore;
import canto.tagger.training.LabelledTitle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -n --plan}, editing the plan as a spreadsheet would save it, and {@code apply}. */
class ApplyCommandTest {
    @TempDir Path dir;

    private static final String A = "AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3", B = "衛蘭 Janice Vidal - 在月台上等你 Official MV.mp3",
            C = "Twins - 下一站天后 [Tw1nsTw1nsA].mp3";

    private Map<String, String> env() { return Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()); }

    private Path lib() throws Exception {
        Path lib = dir.resolve("lib");
        LearnCommandTest.mp3(lib, A, null, null, 1);
        LearnCommandTest.mp3(lib, B, null, null, 2);
        LearnCommandTest.mp3(lib, C, null, null, 3);
        return lib;
    }

    /** The plan with the row of {@code name} given this artist and title, saved with a BOM and CRLF as a spreadsheet may. */
    private static void edit(Path plan, String name, String artist, String title) throws Exception {
        List<String> lines = new ArrayList<>(List.of(Files.readString(plan, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n")));
        boolean found = false;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (!f[0].endsWith("/" + name)) continue;
            f[1] = artist;
            f[2] = title;
            lines.set(i, String.join("\t", f));
            found = true;
        }
        assertTrue(found, name);
        Files.write(plan, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void editedRowsAreWrittenExactlyTheRestUntouchedAndTheEditsLearnt() throws Exception {
        Path lib = lib(), plan = dir.resolve("plan.tsv");
        byte[] b0 = Files.readAllBytes(lib.resolve(B)), c0 = Files.readAllBytes(lib.resolve(C));
        LearnCommandTest.Run made = LearnCommandTest.main(env(), "-n", "--plan", plan.toString(), lib.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(made.out().contains("plan written to " + plan + ": 3 files"), made.out());
        assertArrayEquals(b0, Files.readAllBytes(lib.resolve(B)), "-n --plan writes no tags");
        List<PlanRow> rows = PlanReader.read(plan);
        assertEquals(3, rows.size());
        for (PlanRow r : rows) assertFalse(r.edited());
        edit(plan, A, "AGA / 江海迦", "小問題");   // the user's own convention: both names
        LearnCommandTest.Run applied = LearnCommandTest.main(env(), "apply", plan.toString());
        assertEquals(0, applied.code(), applied.err());
        assertTrue(applied.out().contains("1 tagged, 0 unchanged, 0 failed; 2 rows not edited were left alone"), applied.out());
        assertTrue(applied.out().contains("learnt from 1 edited row; trained your model on 1 example (1 new, 0 updated)"), applied.out());
        TagTexts a = TagTexts.read(lib.resolve(A));
        assertEquals("AGA / 江海迦", a.artist());
        assertEquals("小問題", a.title());
        assertArrayEquals(b0, Files.readAllBytes(lib.resolve(B)), "not edited: untouched");
        assertArrayEquals(c0, Files.readAllBytes(lib.resolve(C)));
        List<LabelledTitle> learnt = ExampleFile.read(UserModelStore.of(env()).examples());
        assertEquals(1, learnt.size(), applied.out());
        assertEquals(List.of("AGA", "江海迦"), learnt.get(0).artists());
        assertTrue(UserModelStore.of(env()).hasModel());

        // --all writes the other rows as planned
        LearnCommandTest.Run all = LearnCommandTest.main(env(), "apply", "--all", "--no-learn", dir.resolve("plan.tsv").toString());
        assertEquals(1, all.code(), "row A's file changed since the plan (we tagged it): refused\n" + all.err());
        assertTrue(all.err().contains("changed since the plan was written; nothing was written"), all.err());
        assertArrayEquals(b0, Files.readAllBytes(lib.resolve(B)));
    }

    /** Each row's review cell, by file name, checked against what {@code parse --json} says of that name. */
    private static void reviewIsTheParsersFlag(Map<String, String> env, Path plan, String... modelOption) throws Exception {
        List<PlanRow> rows = PlanReader.read(plan);
        int flagged = 0;
        for (PlanRow r : rows) {
            String name = Path.of(r.path()).getFileName().toString();
            List<String> args = new ArrayList<>(List.of(modelOption));
            args.addAll(List.of("parse", "--json", name));
            LearnCommandTest.Run p = LearnCommandTest.main(env, args.toArray(String[]::new));
            assertEquals(0, p.code(), p.err());
            assertTrue(p.out().contains("\"review\":" + r.review() + "}"), name + ": plan says review " + r.review() + ", parse says " + p.out());
            assertTrue(p.out().contains(String.format(java.util.Locale.ROOT, "\"confidence\":%.4f,", r.confidence())), p.out() + " vs " + r.confidence());
            if (r.review()) flagged++;
        }
        assertTrue(flagged > 0 && flagged < rows.size(), "both kinds of rows: " + flagged + " of " + rows.size() + " flagged");
        for (int i = 1; i < rows.size(); i++) assertFalse(!rows.get(i - 1).review() && rows.get(i).review(), "review rows first");
    }

    @Test
    void theReviewColumnIsTheParsersCalibratedFlagWithEitherModel() throws Exception {
        Path lib = lib(), plan = dir.resolve("plan.tsv");
        LearnCommandTest.mp3(lib, "01 浮誇.mp3", null, null, 4);                 // the bundled model flags these two
        LearnCommandTest.mp3(lib, "live 2019 大合唱 陳 x y z.mp3", null, null, 5);
        // not flagged by the parser, below the plan's old own threshold of 0.9 (confidence 0.57, 0.76, 0.64 from the bundled model)
        LearnCommandTest.mp3(lib, "Eason Chan 浮誇 live.mp3", null, null, 7);
        LearnCommandTest.mp3(lib, "abc - def ghi.mp3", null, null, 8);
        LearnCommandTest.mp3(lib, "小問題.mp3", null, null, 9);
        Map<String, String> env = env();
        assertEquals(0, LearnCommandTest.main(env, "-n", "--plan", plan.toString(), lib.toString()).code());
        reviewIsTheParsersFlag(env, plan);
        assertTrue(PlanReader.read(plan).stream().anyMatch(r -> !r.review() && r.confidence() < 0.9),
                "a row the parser does not flag though its confidence is below 0.9 (if a new bundled model is surer, pick other names)");

        // the user model keeps the bundled model's calibration, so its flag means the same
        Path tagged = dir.resolve("tagged");
        LearnCommandTest.mp3(tagged, "陳奕迅 Eason Chan -《浮誇》MV.mp3", "陳奕迅", "浮誇", 6);
        assertEquals(0, LearnCommandTest.main(env, "learn", tagged.toString()).code());
        Map<String, String> user = canto.tagger.model.NeuralTitleParser.load(UserModelStore.of(env).model()).metadata();
        assertEquals(canto.tagger.model.NeuralTitleParser.loadBundled().metadata().get("calibration"), user.get("calibration"));
        assertEquals(0, LearnCommandTest.main(env, "-n", "--plan", plan.toString(), lib.toString()).code());
        reviewIsTheParsersFlag(env, plan);
    }

    @Test
    void aPlanWhoseFileChangedIsRefusedWhole() throws Exception {
        Path lib = lib(), plan = dir.resolve("plan.tsv");
        assertEquals(0, LearnCommandTest.main(env(), "--bundled-model", "-n", "--plan", plan.toString(), lib.toString()).code());
        edit(plan, A, "江海迦", "小問題 (edited)");
        edit(plan, B, "Janice Vidal", "在月台上等你");
        Files.setLastModifiedTime(lib.resolve(B), FileTime.fromMillis(Files.getLastModifiedTime(lib.resolve(B)).toMillis() - 5000));
        byte[] a0 = Files.readAllBytes(lib.resolve(A));
        LearnCommandTest.Run r = LearnCommandTest.main(env(), "apply", plan.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("tagger apply: " + lib.resolve(B).toAbsolutePath() + ": modified "), r.err());
        assertArrayEquals(a0, Files.readAllBytes(lib.resolve(A)), "nothing written, not even the unchanged file's row");
        assertFalse(UserModelStore.of(env()).hasModel(), "nothing learnt");

        Files.writeString(plan, "path\tartist\n");
        LearnCommandTest.Run bad = LearnCommandTest.main(env(), "apply", plan.toString());
        assertEquals(2, bad.code());
        assertEquals("tagger apply: " + plan + ":1: the header lacks the column 'title'; a plan starts with "
                + "path<TAB>artist<TAB>title<TAB>confidence<TAB>review<TAB>size<TAB>modified<TAB>parsed_artist<TAB>parsed_title\n", bad.err());
    }
}
