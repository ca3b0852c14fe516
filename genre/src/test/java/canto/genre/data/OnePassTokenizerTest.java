package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link BasicEnglishTokenizer}'s one pass gives the tokens of torchtext's replacement chain. */
class OnePassTokenizerTest {
    private final BasicEnglishTokenizer onePass = new BasicEnglishTokenizer();
    private final ReplacementChainTokenizer chain = new ReplacementChainTokenizer();

    private void same(String text) {
        assertEquals(chain.tokenize(text), onePass.tokenize(text), () -> "text: " + text);
    }

    @Test
    void agreesOnTrickyText() {
        for (String s : new String[] {"", " ", "<br />", "<br/>", "<BR />x", "a<br />b", "<b\"r />", "<br \"/>", "<br'/>",
                "<br./>", "<br .>", "x.<br />y", "<<br />br />", "<br /><br />", "<br /", "\"\"", "'\"'", "a'b\"c.d,e(f)g!h?i;j:k",
                "..", "İstanbul <BR />", "ǅx", "a\u00a0b\u2028c\u0085d", "tab\tnew\nline\r", "\u001cx\u001fy", "'cause rockin'"}) {
            same(s);
        }
    }

    @Test
    void agreesOnRandomText() {
        String alphabet = "ab <br/>\"'.,()!?;:\t\u00a0\u2003İ";
        Random r = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(24);
            for (int k = 0; k < len; k++) {
                if (r.nextInt(8) == 0) sb.append("<br />");
                else sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            same(sb.toString());
        }
    }

    @Test
    void agreesOnTheRealLyrics() throws Exception {
        Path file = Path.of("../data/genre/tcc_ceds_music_random1000.csv");
        Assumptions.assumeTrue(Files.exists(file), "no data file");
        for (String lyrics : SongTableLoader.load(file, file.toString()).lyrics()) same(lyrics);
    }
}
