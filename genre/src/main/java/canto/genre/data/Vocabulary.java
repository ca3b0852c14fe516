package canto.genre.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * torchtext's {@code build_vocab_from_iterator(..., specials=["<unk>"])} with
 * {@code set_default_index(vocab["<unk>"])}: {@code <unk>} is id 0 and the id of every unknown
 * token; then every token of the training songs by descending count, ties in lexicographic
 * (code point) order. A literal {@code <unk>} token in the lyrics is the special, as in
 * torchtext.
 *
 * <p>{@link #encode} gives a song's first {@value #LENGTH} ids padded with {@link #paddingId()}
 * = vocabulary size, the extra embedding row.
 */
public final class Vocabulary {
    public static final String UNKNOWN = "<unk>";
    public static final int UNKNOWN_ID = 0;
    /** Token ids per song. */
    public static final int LENGTH = 100;

    private final List<String> words;   // id -> word
    private final int[] typeToId;        // token type -> id (0 when not in the vocabulary)
    private final int[] counts;          // id -> count in the training songs (0 for <unk>)
    private java.util.Map<String, Integer> index; // word -> id, built on first use by encodeTokens

    private Vocabulary(List<String> words, int[] typeToId, int[] counts) {
        this.words = words;
        this.typeToId = typeToId;
        this.counts = counts;
    }

    /** Builds the vocabulary from the songs {@code rows} of {@code lyrics}. */
    public static Vocabulary build(TokenizedLyrics lyrics, int[] rows) {
        int types = lyrics.typeCount();
        int[] count = new int[types];
        for (int r : rows) for (int t : lyrics.song(r)) count[t]++;
        List<Integer> present = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            if (count[t] > 0 && !lyrics.type(t).equals(UNKNOWN)) present.add(t);
        }
        present.sort((a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a])
                : LabelEncoder.compareCodePoints(lyrics.type(a), lyrics.type(b)));
        List<String> words = new ArrayList<>(present.size() + 1);
        int[] counts = new int[present.size() + 1];
        int[] typeToId = new int[types];   // all UNKNOWN_ID to start with
        words.add(UNKNOWN);
        for (int t : present) {
            typeToId[t] = words.size();
            counts[words.size()] = count[t];
            words.add(lyrics.type(t));
        }
        return new Vocabulary(List.copyOf(words), typeToId, counts);
    }

    /**
     * A vocabulary read back from its word list (id order, {@code <unk>} first), as a saved
     * model's {@code vocab.txt} holds it; counts are unknown (0).
     *
     * @throws IllegalArgumentException when the list does not start with {@code <unk>} or
     *         repeats a word (the message names the line)
     */
    public static Vocabulary ofWords(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals(UNKNOWN)) throw new IllegalArgumentException("line 1 must be " + UNKNOWN);
        Vocabulary v = new Vocabulary(List.copyOf(words), null, new int[words.size()]);
        java.util.Map<String, Integer> index = new java.util.HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (index.put(words.get(i), i) != null) throw new IllegalArgumentException("line " + (i + 1) + " repeats '" + words.get(i) + "'");
        }
        v.index = index;
        return v;
    }

    /**
     * Writes the first {@value #LENGTH} ids of {@code tokens} ({@code <unk>} for a word not
     * in the vocabulary), padded with {@link #paddingId()}, into {@code out[off .. off+100)}.
     */
    public void encodeTokens(List<String> tokens, float[] out, int off) {
        if (index == null) {
            java.util.Map<String, Integer> m = new java.util.HashMap<>(words.size() * 2);
            for (int i = 0; i < words.size(); i++) m.put(words.get(i), i);
            index = m;
        }
        int n = Math.min(tokens.size(), LENGTH);
        for (int i = 0; i < n; i++) out[off + i] = index.getOrDefault(tokens.get(i), UNKNOWN_ID);
        Arrays.fill(out, off + n, off + LENGTH, paddingId());
    }

    /** Number of entries V, {@code <unk>} included. */
    public int size() { return words.size(); }
    /** The id that pads short songs: {@link #size()}. */
    public int paddingId() { return words.size(); }
    public String word(int id) { return words.get(id); }
    /** Words by id. */
    public List<String> words() { return words; }
    /** How often word {@code id} occurs in the training songs. */
    public int count(int id) { return counts[id]; }

    /** The id of the token type {@code t} of the tokenised lyrics this was built from. */
    public int idOfType(int t) { return typeToId[t]; }

    /**
     * Writes song {@code s}'s first {@value #LENGTH} ids, padded with {@link #paddingId()},
     * into {@code out[off .. off+100)} as exact-integer floats (the embedding input).
     */
    public void encode(TokenizedLyrics lyrics, int s, float[] out, int off) {
        int[] song = lyrics.song(s);
        int n = Math.min(song.length, LENGTH);
        for (int i = 0; i < n; i++) out[off + i] = typeToId[song[i]];
        Arrays.fill(out, off + n, off + LENGTH, paddingId());
    }

    /** {@code [songs, 100]} ids of every song, as exact-integer floats. */
    public float[] encodeAll(TokenizedLyrics lyrics) {
        float[] ids = new float[lyrics.songs() * LENGTH];
        for (int s = 0; s < lyrics.songs(); s++) encode(lyrics, s, ids, s * LENGTH);
        return ids;
    }
}
