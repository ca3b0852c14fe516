package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.tokens.FileNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dev set (data/tagger/titles-dev.tsv) is held apart from everything trained on: its acts
 * are not in the generator's lists, the written titles or the real titles, and none of its
 * titles (nor a real title) is ever generated or written.
 */
class DevSetTest {
    static final Path DIR = Path.of("..", "data", "tagger");
    static final Path DEV = DIR.resolve("titles-dev.tsv");
    static final Path CATEGORIES = DIR.resolve("titles-dev-categories.tsv");
    static final Path WRITTEN = DIR.resolve("titles-written.tsv");
    static final Path REAL = DIR.resolve("titles-train.tsv");
    static final Set<String> KNOWN = Set.of("cantopop", "mandopop", "simplified", "duet", "feat", "drama", "pipe", "dotted",
            "hyphen", "punctuation-name", "alternate", "noise", "song-by", "cover-by", "english", "kpop", "kpop-mv", "jpop", "filename");

    /** Case and whitespace do not make a name different. */
    static String norm(String s) { return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip(); }

    /** A title as compared: the file-name suffix removed, then {@link #norm}. */
    static String normTitle(String s) { return norm(FileNames.toTitle(s)); }

    static Set<String> artists(List<LabelledTitle> titles) {
        Set<String> out = new HashSet<>();
        for (LabelledTitle t : titles) for (String a : t.artists()) out.add(norm(a));
        return out;
    }

    @Test
    void devSetLoadsWithExactSpansAndEveryRowHasACategory() throws IOException {
        List<LabelledTitle> dev = LabelledTitles.read(DEV, true);
        assertTrue(dev.size() >= 300, "dev rows: " + dev.size());
        List<String> lines = Files.readAllLines(DEV, StandardCharsets.UTF_8);
        List<String> cats = Files.readAllLines(CATEGORIES, StandardCharsets.UTF_8);
        assertEquals("line\tcategory\ttitle", cats.get(0));
        assertEquals(lines.size(), cats.size(), "one category line per dev line");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 1; i < cats.size(); i++) {
            String[] f = cats.get(i).split("\t", -1);
            assertEquals(3, f.length, CATEGORIES + ":" + (i + 1));
            assertEquals(i + 1, Integer.parseInt(f[0]), CATEGORIES + ":" + (i + 1) + ": line number");
            assertTrue(KNOWN.contains(f[1]), CATEGORIES + ":" + (i + 1) + ": unknown category " + f[1]);
            assertEquals(lines.get(i).split("\t", -1)[0], f[2], CATEGORIES + ":" + (i + 1) + ": title differs from the dev line");
            counts.merge(f[1], 1, Integer::sum);
        }
        for (String k : KNOWN) assertTrue(counts.getOrDefault(k, 0) >= 12, "category " + k + " has " + counts.get(k) + " rows");
    }

    @Test
    void noDevArtistIsInTheGeneratorsListsOrTheWrittenTitles() throws IOException {
        Set<String> dev = artists(LabelledTitles.read(DEV, true));
        Set<String> lists = new HashSet<>();
        for (TitleLists.Act a : TitleGenerator.acts()) for (String n : a.allNames()) lists.add(norm(n));
        List<String> clash = new ArrayList<>();
        for (String a : dev) if (lists.contains(a)) clash.add(a);
        assertEquals(List.of(), clash, "dev-set artists in the generator's act lists");
        Set<String> written = artists(LabelledTitles.read(WRITTEN, false));
        for (String a : dev) if (written.contains(a)) clash.add(a);
        assertEquals(List.of(), clash, "dev-set artists in " + WRITTEN);
    }

    @Test
    void noDevArtistIsInTheRealTitles() throws IOException {
        Assumptions.assumeTrue(Files.exists(REAL), "skipped: " + REAL + " is absent (it is linked from ../shared, see data/README.md)");
        Set<String> real = artists(LabelledTitles.read(REAL, true));
        List<String> clash = new ArrayList<>();
        for (String a : artists(LabelledTitles.read(DEV, true))) if (real.contains(a)) clash.add(a);
        assertEquals(List.of(), clash, "dev-set artists in the real titles");
    }

    /** The generated rows at the size the tools train on, plus the written titles. */
    private static Set<String> trained;

    static synchronized Set<String> trainedTitles() throws IOException {
        if (trained != null) return trained;
        Set<String> out = new HashSet<>();
        for (String row : TitleGenerator.generate(1, 50_000)) out.add(normTitle(row.substring(0, row.indexOf('\t'))));
        for (LabelledTitle t : LabelledTitles.read(WRITTEN, false)) out.add(normTitle(t.title()));
        trained = out;
        return out;
    }

    @Test
    void noDevTitleIsGeneratedOrWritten() throws IOException {
        Set<String> trained = trainedTitles();
        List<String> leaked = new ArrayList<>();
        for (LabelledTitle t : LabelledTitles.read(DEV, true)) if (trained.contains(normTitle(t.title()))) leaked.add(t.title());
        assertEquals(List.of(), leaked);
    }

    @Test
    void noRealTitleIsGeneratedOrWritten() throws IOException {
        Assumptions.assumeTrue(Files.exists(REAL), "skipped: " + REAL + " is absent (it is linked from ../shared, see data/README.md)");
        Set<String> trained = trainedTitles();
        List<String> leaked = new ArrayList<>();
        for (LabelledTitle t : LabelledTitles.read(REAL, true)) if (trained.contains(normTitle(t.title()))) leaked.add(t.source());
        assertEquals(List.of(), leaked);
    }
}
