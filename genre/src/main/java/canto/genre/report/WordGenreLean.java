package canto.genre.report;

import canto.genre.data.TokenizedLyrics;
import canto.genre.data.Vocabulary;

/**
 * For colouring the embedding map: the genre each word leans to — the genre in whose
 * training songs the word is most frequent relative to that genre's token count — counted
 * over the tokens the model saw (each song's first 100). Words seen fewer than
 * {@link #MIN_COUNT} times lean nowhere (-1).
 */
public final class WordGenreLean {
    public static final int MIN_COUNT = 20;

    private WordGenreLean() {}

    /** One genre id (or -1) per vocabulary id. */
    public static int[] of(TokenizedLyrics lyrics, Vocabulary vocab, int[] labels, int[] trainRows, int genres) {
        int v = vocab.size();
        int[] counts = new int[v * genres];   // [word, genre]
        long[] genreTotals = new long[genres];
        for (int r : trainRows) {
            int[] song = lyrics.song(r);
            int n = Math.min(song.length, Vocabulary.LENGTH), g = labels[r];
            for (int i = 0; i < n; i++) counts[vocab.idOfType(song[i]) * genres + g]++;
            genreTotals[g] += n;
        }
        int[] lean = new int[v];
        for (int w = 0; w < v; w++) {
            int total = 0, best = -1;
            double bestRate = -1;
            for (int g = 0; g < genres; g++) {
                int c = counts[w * genres + g];
                total += c;
                double rate = genreTotals[g] == 0 ? 0 : (double) c / genreTotals[g];
                if (rate > bestRate) { bestRate = rate; best = g; }
            }
            lean[w] = total >= MIN_COUNT && w != Vocabulary.UNKNOWN_ID ? best : -1;
        }
        return lean;
    }
}
