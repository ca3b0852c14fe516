package canto.tagger.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.Main;
import canto.tagger.id3.Id3Version;
import canto.tagger.id3.Mp3Fixtures;
import canto.tagger.id3.Mp3Tagger;
import canto.tagger.id3.TagResult;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.training.LabelledTitle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learn} on a library of real MP3 files built here, with the user model in a temporary XDG_DATA_HOME. */
public class LearnCommandTest {
    @TempDir Path dir;

    public record Run(int code, String out, String err) {}

    public static Run main(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An MP3 named {@code name} in {@code folder}, tagged with artist and title when they are not null. */
    public static Path mp3(Path folder, String name, String artist, String title, int seed) throws Exception {
        Files.createDirectories(folder);
        Path f = Files.write(folder.resolve(name), Mp3Fixtures.audio(4, seed));
        if (artist != null || title != null) {
            TagResult r = new Mp3Tagger(Id3Version.V2_4, false).tag(f, artist, title);
            assertEquals(TagResult.Status.TAGGED, r.status(), () -> String.valueOf(r.error()));
        }
        return f;
    }

    private Path library() throws Exception {
        Path lib = dir.resolve("lib");
        mp3(lib, "AGA 江海迦 - 《小問題》MV [w1TMv7jx8ew].mp3", "江海迦", "小問題", 1);
        mp3(lib, "陳奕迅 Eason Chan x 王菀之 Ivana Wong -《文明》.mp3", "陳奕迅 / 王菀之", "文明", 2);
        // yt-dlp --embed-metadata: the channel and the whole video title
        mp3(lib, "容祖兒 Joey Yung - 心淡 Official MV [Joey0000000].mp3", "Joey Yung Official", "容祖兒 Joey Yung - 心淡 Official MV", 3);
        mp3(lib, "Twins - 下一站天后 [Tw1nsTw1nsA].mp3", null, null, 4);
        return lib;
    }

    @Test
    void learnsTheAlignedFilesSkipsTheRestAndSaysWhy() throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString());
        Run r = main(env, "learn", library().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 files: 2 examples used, 2 skipped:"), r.out());
        assertTrue(r.out().contains("1  TIT2 is the whole video title"), r.out());
        assertTrue(r.out().contains("1  no TPE1 (artist) or no TIT2 (title) tag"), r.out());
        UserModelStore store = UserModelStore.of(env);
        assertTrue(store.hasModel());
        List<LabelledTitle> ex = ExampleFile.read(store.examples());
        assertEquals(2, ex.size());
        assertEquals(List.of("陳奕迅", "王菀之"), ex.get(1).artists(), "sorted by title; the duet's two artists");
        assertTrue(ex.stream().noneMatch(t -> t.title().contains("容祖兒")), "yt-dlp's tags are never learnt");

        // the next learn adds to the examples rather than starting over
        mp3(dir.resolve("more"), "Dear Jane - 哪裡只得我共你 Official MV.mp3", "Dear Jane", "哪裡只得我共你", 5);
        Run again = main(env, "learn", dir.resolve("more").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("on 3 examples (1 new, 0 updated)"), again.out());
        assertEquals(3, ExampleFile.read(store.examples()).size());

        // every parsing command uses it and says so once; --bundled-model ignores it
        Run parse = main(env, "parse", "--json", "AGA 江海迦 - 《小問題》MV");
        assertEquals(0, parse.code(), parse.err());
        assertEquals("tagger: using your model " + store.model() + " (learnt by 'tagger learn'; --bundled-model ignores it)\n", parse.err());
        Run bundled = main(env, "parse", "--bundled-model", "AGA 江海迦 - 《小問題》MV");
        assertEquals("", bundled.err());
        Run dry = main(env, "-n", dir.resolve("more").toString());
        assertEquals(1, dry.err().split("using your model", -1).length - 1, dry.err());
        NeuralTitleParser loaded = NeuralTitleParser.load(store.model());
        java.util.Set<String> expected = new java.util.TreeSet<>(NeuralTitleParser.loadBundled().lexicon().keys());
        expected.addAll(List.of("dear jane", "江海迦", "王菀之", "陳奕迅"));
        assertEquals(List.copyOf(expected), loaded.lexicon().keys(), "the confirmed names and the bundled model's are in the model");

        Run forget = main(env, "learn", "--forget");
        assertEquals(0, forget.code());
        assertFalse(Files.exists(store.model()));
        assertFalse(Files.exists(store.examples()));
        assertEquals("", main(env, "parse", "x - y").err(), "without a user model: the bundled one, silently");
    }

    /** Counts of one read "1 file", "1 example" (issue 10: it printed "1 files: 1 examples used"). */
    @Test
    void countsOfOneAreSingular() throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString());
        Path one = mp3(dir.resolve("one"), "Twins - 下一站天后.mp3", null, null, 7);
        Run r = main(env, "learn", one.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tagger learn: 1 file: 0 examples used, 1 skipped:"), r.out());
        assertEquals("1 example", LearnReport.count(1, "example"));
        assertEquals("0 examples", LearnReport.count(0, "example"));
        assertEquals("2 edited rows", LearnReport.count(2, "edited row"));
        assertEquals("trained your model on 1 example (1 new, 0 updated) in 0.5 s: " + UserModelStore.of(env).model(),
                LearnReport.describe(new UserModelLearner.Outcome(1, 0, 1, 0.5), UserModelStore.of(env)));
    }

    @Test
    void theUsersExamplesAreLearntWhereTheirConventionDiffersFromOurs() throws Exception {
        // this user tags the Latin name where ours is the Chinese one (docs/TAGGER.md, "Conventions")
        Path lib = dir.resolve("latin");
        String[][] files = {
                {"Eason Chan 陳奕迅 - 浮誇.mp3", "Eason Chan", "浮誇"},
                {"Joey Yung 容祖兒 - 心淡 Official MV.mp3", "Joey Yung", "心淡"},
                {"Sammi Cheng 鄭秀文 - 終身美麗.mp3", "Sammi Cheng", "終身美麗"},
                {"Eason Chan 陳奕迅 - 富士山下 (Live).mp3", "Eason Chan", "富士山下"}};
        for (int i = 0; i < files.length; i++) mp3(lib, files[i][0], files[i][1], files[i][2], 10 + i);
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString());
        Run r = main(env, "learn", lib.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 examples used"), r.out());
        for (String[] f : files) {
            String title = f[0].substring(0, f[0].length() - 4);
            assertEquals(f[1] + "\t" + f[2] + "\n", main(env, "parse", title).out(), "the user model learnt " + title);
            String bundled = main(env, "parse", "--bundled-model", title).out();
            assertFalse(bundled.startsWith(f[1] + "\t"), "the bundled model gives the Chinese name: " + bundled);
        }
    }

    @Test
    void sameExamplesAndSeedGiveTheSameModelBytes() throws Exception {
        Path lib = library();
        Map<String, String> a = Map.of("XDG_DATA_HOME", dir.resolve("a").toString()), b = Map.of("XDG_DATA_HOME", dir.resolve("b").toString());
        assertEquals(0, main(a, "learn", lib.toString()).code());
        assertEquals(0, main(b, "learn", lib.toString()).code());
        assertArrayEquals(Files.readAllBytes(UserModelStore.of(a).model()), Files.readAllBytes(UserModelStore.of(b).model()));
        assertArrayEquals(Files.readAllBytes(UserModelStore.of(a).examples()), Files.readAllBytes(UserModelStore.of(b).examples()));
        Map<String, String> c = Map.of("XDG_DATA_HOME", dir.resolve("c").toString());
        assertEquals(0, main(c, "learn", "--seed", "2", lib.toString()).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(UserModelStore.of(a).model()), Files.readAllBytes(UserModelStore.of(c).model())),
                "another seed, another model");
    }

    @Test
    void aBrokenUserModelIsOneLineAndBundledModelStillWorks() throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString());
        Path model = UserModelStore.of(env).model();
        Files.createDirectories(model.getParent());
        Files.writeString(model, "not a model");
        Run r = main(env, "parse", "x - y");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains(model.toString()) && r.err().contains("--bundled-model"), r.err());
        assertEquals(0, main(env, "parse", "--bundled-model", "x - y").code());
    }

    @Test
    void xdgDataHomeOrElseHome() {
        assertEquals(Path.of("/x/canto/tagger-model.safetensors"), UserModelStore.of(Map.of("XDG_DATA_HOME", "/x", "HOME", "/h")).model());
        assertEquals(Path.of("/h/.local/share/canto/tagger-model.safetensors"), UserModelStore.of(Map.of("XDG_DATA_HOME", "", "HOME", "/h")).model());
        assertEquals(Path.of("/h/.local/share/canto/tagger-examples.tsv"), UserModelStore.of(Map.of("XDG_DATA_HOME", "rel", "HOME", "/h")).examples(),
                "a relative XDG_DATA_HOME is ignored, as the specification says");
    }
}
