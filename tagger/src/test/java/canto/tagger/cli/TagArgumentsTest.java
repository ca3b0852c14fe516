package canto.tagger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.id3.Id3Version;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagArgumentsTest {
    private static TagOptions parse(String... args) throws UsageException {
        return TagArguments.parse(List.of(args));
    }

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        TagOptions o = parse("a.mp3", "dir");
        assertEquals(List.of("a.mp3", "dir"), o.paths());
        assertFalse(o.dryRun());
        assertEquals(Id3Version.V2_3, o.id3(), "2.3 is the default");
        assertTrue(o.lists().isEmpty());
    }

    @Test
    void everyOptionInShortLongAndEqualsForms() throws Exception {
        TagOptions o = parse("-n", "--id3", "2.4", "-l", "one.txt", "--list=two.txt", "x.mp3");
        assertTrue(o.dryRun());
        assertEquals(Id3Version.V2_4, o.id3());
        assertEquals(List.of("one.txt", "two.txt"), o.lists());
        assertEquals(Id3Version.V2_3, parse("--id3=2.3", "--dry-run", "x").id3());
        assertTrue(parse("--help").help());
        assertTrue(parse("-h").help());
        assertTrue(parse("-V").version());
        assertTrue(parse("--version").version());
        assertEquals(List.of("-"), parse("-l", "-").lists());
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        assertEquals(List.of("-n.mp3", "--id3"), parse("--", "-n.mp3", "--id3").paths());
        assertFalse(parse("--", "-n.mp3").dryRun());
    }

    @Test
    void badCommandLinesSayWhatIsWrongInOneLine() {
        assertEquals("no files given", error());
        assertEquals("no files given", error("-n"));
        assertTrue(error("-x", "a.mp3").startsWith("unknown option '-x'"));
        assertTrue(error("--dry", "a.mp3").startsWith("unknown option '--dry'"));
        assertEquals("unknown ID3 version '2.5' for --id3 (use 2.3 or 2.4)", error("--id3", "2.5", "a.mp3"));
        assertEquals("option --id3 needs a value: 2.3 or 2.4", error("a.mp3", "--id3"));
        assertEquals("option -l needs a value: a file of paths, one per line", error("-l"));
        assertEquals("option --dry-run takes no value", error("--dry-run=yes", "a.mp3"));
        assertEquals("option --list needs a file name", error("--list=", "a.mp3"));
    }
}
