package canto.genre.data;

import java.util.Arrays;
import java.util.List;

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
        SongBuilder builder = new SongBuilder();
        int[][] songs = new int[lyrics.size()][];
        for (int s = 0; s < songs.length; s++) {
            builder.length = 0;
            tokenizer.tokenize(lyrics.get(s), builder);
            songs[s] = Arrays.copyOf(builder.types, builder.length);
        }
        return new TokenizedLyrics(builder.table.types(), songs);
    }

    /** Collects one song's type numbers, interning its tokens in the table shared by all songs. */
    private static final class SongBuilder implements BasicEnglishTokenizer.TokenSink {
        final TokenTable table = new TokenTable();
        int[] types = new int[256];
        int length;

        @Override
        public void token(char[] text, int start, int count) {
            if (length == types.length) types = Arrays.copyOf(types, 2 * length);
            types[length++] = table.intern(text, start, count);
        }
    }

    public int songs() { return songs.length; }
    /** Distinct tokens in all songs. */
    public int typeCount() { return types.size(); }
    public String type(int t) { return types.get(t); }
    /** The token types of song {@code s}, in order (do not modify). */
    public int[] song(int s) { return songs[s]; }
}
