package canto.tagger.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The features training's word dropout shows for a word "never seen". */
class FeatureExtractorTest {
    private final FeatureExtractor fx = new FeatureExtractor(1 << 18);

    private static int index(List<Token> toks, String text) {
        return IntStream.range(0, toks.size()).filter(i -> toks.get(i).text().equals(text)).findFirst().orElseThrow();
    }

    private static boolean[] unseen(List<Token> toks, String text) {
        boolean[] u = new boolean[toks.size()];
        u[index(toks, text)] = true;
        return u;
    }

    /** Two titles that differ only in one name of the same shape give the same features once that name is unseen. */
    @Test
    void anUnseenWordLeavesNoTraceOfItsText() {
        String[][] pairs = {
            {"Alice - Lemon Tree (Official Video)", "Alice", "Bobby - Lemon Tree (Official Video)", "Bobby"},
            {"陳奕迅 《浮誇》MV", "陳奕迅", "李克勤 《浮誇》MV", "李克勤"},
            {"Taylor Swift - Anti-Hero", "Anti-Hero", "Taylor Swift - Mini-Hero", "Mini-Hero"},
        };
        for (String[] p : pairs) {
            List<Token> a = Tokenizer.tokenize(p[0]), b = Tokenizer.tokenize(p[2]);
            assertEquals(a.size(), b.size(), p[0]);
            TokenFeatures fa = fx.extract(a, null, unseen(a, p[1])), fb = fx.extract(b, null, unseen(b, p[3]));
            for (int t = 0; t < a.size(); t++) {
                assertArrayEquals(fa.of(t), fb.of(t), p[0] + " vs " + p[2] + ", token " + t);
            }
            // ... and they differ while the names are seen
            TokenFeatures sa = fx.extract(a, null), sb = fx.extract(b, null);
            int i = index(a, p[1]);
            assertFalse(Arrays.equals(sa.of(i), sb.of(i)), p[0]);
        }
    }

    /** Hiding a word only removes features: kind, shape, length, brackets and position stay. */
    @Test
    void unseenFeaturesAreAStrictSubsetAndNothingElseChanges() {
        List<Token> toks = Tokenizer.tokenize("AGA 江海迦 - 《小問題》MV");
        boolean[] none = new boolean[toks.size()];
        TokenFeatures seen = fx.extract(toks, null), unmarked = fx.extract(toks, null, none);
        assertArrayEquals(seen.ids(), unmarked.ids(), "no word marked: the features of extract(tokens)");
        int han = index(toks, "江海迦");
        TokenFeatures hidden = fx.extract(toks, null, unseen(toks, "江海迦"));
        int[] all = seen.of(han), kept = hidden.of(han);
        assertTrue(kept.length >= 4 && kept.length <= all.length - 8, "kept " + kept.length + " of " + all.length);
        int[] sorted = all.clone();
        Arrays.sort(sorted);
        for (int id : kept) assertTrue(Arrays.binarySearch(sorted, id) >= 0, "a hidden word gained a feature " + id);
    }
}
