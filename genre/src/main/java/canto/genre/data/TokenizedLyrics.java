package canto.genre.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every song's lyrics tokenised once ({@link BasicEnglishTokenizer}) and interned: each
 * distinct token gets a dense "type" number, each song is an {@code int[]} of type numbers.
 * A {@link Vocabulary} built for one split then maps types to its ids.
 */
public final class TokenizedLyrics {
    private final List<String> types;
    private final int[][] songs;

    private TokenizedLyrics(List<String> types, int[][] songs) {
        this.types = types;
        this.songs = songs;
    }

    public static TokenizedLyrics of(List<String> lyrics, BasicEnglishTokenizer tokenizer) {
        Map<String, Integer> index = new HashMap<>();
        List<String> types = new ArrayList<>();
        int[][] songs = new int[lyrics.size()][];
        for (int s = 0; s < songs.length; s++) {
            List<String> tokens = tokenizer.tokenize(lyrics.get(s));
            int[] song = new int[tokens.size()];
            for (int i = 0; i < song.length; i++) {
                String t = tokens.get(i);
                Integer type = index.get(t);
                if (type == null) {
                    type = types.size();
                    index.put(t, type);
                    types.add(t);
                }
                song[i] = type;
            }
            songs[s] = song;
        }
        return new TokenizedLyrics(List.copyOf(types), songs);
    }

    public int songs() { return songs.length; }
    /** Distinct tokens in all songs. */
    public int typeCount() { return types.size(); }
    public String type(int t) { return types.get(t); }
    /** The token types of song {@code s}, in order (do not modify). */
    public int[] song(int s) { return songs[s]; }
}
