package canto.tagger.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.LinearChainCrf;
import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

class CalibrationAndDecoderTest {

    @Test
    void plattFitRecoversTheSlopeAndOffsetThatMadeTheData() {
        // outcomes drawn with P(right) = sigmoid(0.5 * -ln(risk) - 1)
        Rng rng = new Rng(3);
        int n = 20_000;
        double[] raw = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            raw[i] = Math.exp(-12 * rng.nextFloat() + 2);
            right[i] = rng.nextFloat() < Calibration.sigmoid(0.5 * Calibration.x(raw[i]) - 1);
        }
        Calibration c = Calibration.fit(raw, right);
        assertEquals(0.5, c.a(), 0.05);
        assertEquals(-1, c.b(), 0.05);
        assertEquals(Calibration.sigmoid(0.5 * Calibration.x(0.01) - 1), c.apply(0.01), 0.01);
        assertEquals(1 / 1.25, Calibration.IDENTITY.apply(0.25), 1e-12);
        assertEquals(c, Calibration.fromMetadata(c.toMetadata(), "x"));
    }

    @Test
    void aPerfectlySeparatedSetStillGivesFiniteValues() {
        Calibration c = Calibration.fit(new double[] {2, 1, 1e-3, 1e-9}, new boolean[] {false, false, true, true});
        assertTrue(Double.isFinite(c.a()) && Double.isFinite(c.b()), c.toString());
        assertTrue(c.apply(1e-9) > c.apply(2));
    }

    /** Emissions [t, 5] with the given best tag per token at score 2 and the rest 0. */
    private static float[] emissions(int... best) {
        float[] e = new float[best.length * Tag.COUNT];
        for (int k = 0; k < best.length; k++) e[k * Tag.COUNT + best[k]] = 2;
        return e;
    }

    @Test
    void decoderPrefersAnArtistWhenOneIsNearlyAsLikelyAndAgreesWithViterbiOtherwise() {
        float[] z5 = new float[5], z25 = new float[25];
        int o = Tag.OTHER.ordinal(), ba = Tag.B_ARTIST.ordinal(), bt = Tag.B_TITLE.ordinal();
        // token 0 leans title (2 vs 1.5 for artist), token 2 is a title: plain Viterbi gives two titles
        float[] e = emissions(bt, o, bt);
        e[ba] = 1.5f;
        int[] vit = new int[3], dec = new int[3];
        LinearChainCrf.viterbi(e, 0, 3, Tag.COUNT, z25, z5, z5, vit);
        assertArrayEquals(new int[] {bt, o, bt}, vit);
        PieceDecoder.decode(e, 3, z25, z5, z5, 4, dec);
        assertArrayEquals(new int[] {ba, o, bt}, dec);
        // when the artist reading is far less likely (odds above 4), no artist it is
        e[ba] = -1f;
        PieceDecoder.decode(e, 3, z25, z5, z5, 4, dec);
        assertArrayEquals(new int[] {bt, o, bt}, dec);
        // an ordinary artist - title parse is what Viterbi says
        float[] f = emissions(ba, o, bt);
        PieceDecoder.decode(f, 3, z25, z5, z5, 4, dec);
        LinearChainCrf.viterbi(f, 0, 3, Tag.COUNT, z25, z5, z5, vit);
        assertArrayEquals(vit, dec);
    }
}
