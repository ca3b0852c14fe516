package canto.tagger.features;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Artist names known to a model, for one model feature: which tokens of a title spell such a
 * name. The names are those a user's examples confirm (the user model) and, with the recipe's
 * known acts, every name of every act of the generator's lists ({@code training.KnownActs}). A name is kept as its tokens' normalised texts (a space where the title
 * has one), so it matches in any title form the tokenizer cuts the same way ({@code 陳奕迅}
 * in {@code 陳奕迅 Eason Chan《浮誇》} and in {@code 【浮誇】陳奕迅}). The match is only a feature:
 * the model learns how much to trust it, and no rule outside the model overrides its output.
 *
 * <p>In the user model's training each example sees the names confirmed by the <em>other</em> examples
 * ({@link #marks(List, Collection)} with its own names), as a new title sees the names of the
 * library, so the model learns what a match means when the title itself is new.
 */
public final class ArtistLexicon {
    /** Mark of a token: no confirmed name, first token of one, later token of one. */
    public static final int NONE = 0, FIRST = 1, INSIDE = 2;
    private static final int MAX_TOKENS = 8;

    /**
     * The names, sorted ({@link String#compareTo}, as {@link #keys()} gives and a model stores
     * them), and how many examples confirm each. Sorted arrays rather than a map: a model's
     * lexicon is read at every cold start, and splitting the stored names is all it costs.
     */
    private final String[] names;
    private final int[] confirmations;

    private ArtistLexicon(String[] names, int[] confirmations) {
        this.names = names;
        this.confirmations = confirmations;
    }

    private static ArtistLexicon of(Map<String, Integer> m) {
        String[] names = new String[m.size()];
        int[] counts = new int[m.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(m).entrySet()) { names[i] = e.getKey(); counts[i++] = e.getValue(); }
        return new ArtistLexicon(names, counts);
    }

    public static final ArtistLexicon EMPTY = new ArtistLexicon(new String[0], new int[0]);

    /** The artist names of some examples (one list of artist pieces per example), each counted once per example. */
    public static ArtistLexicon of(Collection<? extends Collection<String>> artistsPerExample) {
        Map<String, Integer> m = new HashMap<>();
        for (Collection<String> artists : artistsPerExample) for (String k : keysOf(artists)) m.merge(k, 1, Integer::sum);
        return of(m);
    }

    /** The names (keys, see {@link #key}), as stored in a model's metadata, one per line; each confirmed once. */
    public static ArtistLexicon ofKeys(Collection<String> keys) {
        String[] a = keys.toArray(new String[0]);
        boolean sorted = true;
        for (int i = 0; i < a.length && sorted; i++) sorted = !a[i].isEmpty() && (i == 0 || a[i - 1].compareTo(a[i]) < 0);
        if (!sorted) {
            java.util.TreeSet<String> set = new java.util.TreeSet<>(keys);
            set.remove("");
            a = set.toArray(new String[0]);
        }
        int[] ones = new int[a.length];
        Arrays.fill(ones, 1);
        return new ArtistLexicon(a, ones);
    }

    /**
     * This lexicon and {@code other} together: every name of either, its confirmations added
     * (a user model's lexicon is the bundled model's names plus the user's confirmed ones, so a
     * name the bundled lexicon knows still fires on the one example that confirms it).
     */
    public ArtistLexicon plus(ArtistLexicon other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        Map<String, Integer> m = new HashMap<>();
        for (ArtistLexicon l : List.of(this, other)) for (int i = 0; i < l.names.length; i++) m.merge(l.names[i], l.confirmations[i], Integer::sum);
        return of(m);
    }

    /** The keys of the artist pieces of one example. */
    public static Set<String> keysOf(Collection<String> artists) {
        Set<String> keys = new HashSet<>();
        for (String a : artists) {
            String k = key(a);
            if (!k.isEmpty()) keys.add(k);
        }
        return keys;
    }

    /** A name as its tokens' normalised texts, a space between two tokens where the name has whitespace. */
    public static String key(String name) {
        return key(Tokenizer.tokenize(name), 0, Integer.MAX_VALUE);
    }

    private static String key(List<Token> toks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < toks.size() && i <= to; i++) {
            if (i > from && toks.get(i).spaceBefore()) b.append(' ');
            b.append(toks.get(i).norm());
        }
        return b.toString();
    }

    public boolean isEmpty() { return names.length == 0; }

    public int size() { return names.length; }

    /** Whether {@code key} (see {@link #key}) is one of the names. */
    public boolean contains(String key) { return Arrays.binarySearch(names, key) >= 0; }

    /** The names, sorted. */
    public List<String> keys() { return Collections.unmodifiableList(Arrays.asList(names.clone())); }


    /** As {@link #marks(List, Collection)} with nothing discounted. */
    public int[] marks(List<Token> toks) { return marks(toks, Set.of()); }

    /**
     * The mark of every token: the longest run of tokens starting at a content token that spells
     * a name confirmed by some example other than the one whose own names are {@code own}.
     */
    public int[] marks(List<Token> toks, Collection<String> own) {
        int n = toks.size();
        int[] marks = new int[n];
        if (names.length == 0) return marks;
        for (int i = 0; i < n; ) {
            if (!toks.get(i).kind().isContent()) { i++; continue; }
            int best = -1;
            StringBuilder b = new StringBuilder();
            for (int j = i; j < n && j < i + MAX_TOKENS; j++) {
                if (j > i && toks.get(j).spaceBefore()) b.append(' ');
                b.append(toks.get(j).norm());
                String k = b.toString();
                int at = Arrays.binarySearch(names, k), next = at >= 0 ? at + 1 : -at - 1;
                if (at >= 0 && toks.get(j).kind().isContent() && confirmations[at] - (own.contains(k) ? 1 : 0) >= 1) best = j;
                if (next >= names.length || !names[next].startsWith(k)) break;   // no longer name starts so
            }
            if (best < 0) { i++; continue; }
            marks[i] = FIRST;
            for (int j = i + 1; j <= best; j++) marks[j] = INSIDE;
            i = best + 1;
        }
        return marks;
    }
}
