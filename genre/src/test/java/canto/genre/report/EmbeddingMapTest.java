package canto.genre.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingMapTest {
    private final EmbeddingMap map = new EmbeddingMap(List.of("<unk>", "love", "a,b", "</script>"),
            new double[] {0, 0, 1.5, -2, 0.25, 0.125, -1, 1}, new int[] {-1, 4, -1, 6}, new int[] {0, 500, 3, 120}, List.of("blues", "country", "hip hop", "jazz", "pop", "reggae", "rock"), "t");

    @Test
    void csvHasWordAndTwoCoordinatesWithQuoting() throws Exception {
        assertEquals("word,x0,x1\n<unk>,0.000000,0.000000\nlove,1.500000,-2.000000\n\"a,b\",0.250000,0.125000\n</script>,-1.000000,1.000000\n",
                map.csv());
    }

    @Test
    void htmlIsSelfContainedAndCannotBeBrokenByAWord() {
        String html = map.html();
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="), "no external resources");
        assertEquals(1, html.split("</script>", -1).length - 1, "only the page's own closing script tag");
        assertTrue(html.contains("\"\\u003c/script\\u003e\""));
        assertTrue(html.contains("mousemove"));
        assertTrue(html.contains("\"love\""));
    }

    @Test
    void labelsGoToFrequentWordsFarthestFromTheCentre() {
        // words seen >= 100 times: love (500) and </script> (120); love lies farther from the mean point
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 3}, map.labelled());
    }

    @Test
    void pngIsAPicture() throws Exception {
        byte[] png = map.png();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}
