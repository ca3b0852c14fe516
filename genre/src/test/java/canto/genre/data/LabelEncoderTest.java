package canto.genre.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {
    @Test
    void genresAreNumberedInSortedOrderLikeScikitLearn() {
        LabelEncoder e = LabelEncoder.GENRES;
        assertEquals(List.of("blues", "country", "hip hop", "jazz", "pop", "reggae", "rock"), e.classes());
        assertEquals(0, e.encode("blues"));
        assertEquals(2, e.encode("hip hop"));
        assertEquals(4, e.encode("pop"));
        assertEquals(6, e.encode("rock"));
        assertEquals("jazz", e.decode(3));
    }

    @Test
    void unknownNamesAreMinusOne() {
        assertEquals(-1, LabelEncoder.GENRES.encode("Pop"));
        assertEquals(-1, LabelEncoder.GENRES.encode("metal"));
        assertEquals(-1, LabelEncoder.GENRES.encode(""));
    }

    @Test
    void fitKeepsDistinctNamesSorted() {
        LabelEncoder e = LabelEncoder.fit(List.of("b", "a", "b", "C"));
        assertEquals(List.of("C", "a", "b"), e.classes());   // upper case sorts first, as in Python
        assertEquals(1, e.encode("a"));
    }
}
