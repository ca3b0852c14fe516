package canto.tagger.features;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Artist names the user's examples confirm, for one model feature: which tokens of a title
 * spell such a name. A name is kept as its tokens' normalised texts (a space where the title
 * has one), so it matches in any title form the tokenizer cuts the same way ({@code 陳奕迅}
 * in {@code 陳奕迅 Eason Chan《浮誇》} and in {@code 【浮誇】陳奕迅}). The match is only a feature:
 * the model learns how much to trust it, and no rule outside the model overrides its output.
 *
 * <p>In training each example sees the names confirmed by the <em>other</em> examples
 * ({@link #marks(List, Collection)} with its own names), as a new title sees the names of the
 * library, so the model learns what a match means when the title itself is new.
 */
public final class ArtistLexicon {
    /** Mark of a token: no confirmed name, first token of one, later token of one. */
    public static final int NONE = 0, FIRST = 1, INSIDE = 2;
    private static final int MAX_TOKENS = 8;

    private final Map<String, Integer> confirmations;

    private ArtistLexicon(Map<String, Integer> confirmations) {
        this.confirmations = confirmations;
    }

    public static final ArtistLexicon EMPTY = new ArtistLexicon(Map.of());

    /** The artist names of some examples (one list of artist pieces per example), each counted once per example. */
    public static ArtistLexicon of(Collection<? extends Collection<String>> artistsPerExample) {
        Map<String, Integer> m = new TreeMap<>();
        for (Collection<String> artists : artistsPerExample) for (String k : keysOf(artists)) m.merge(k, 1, Integer::sum);
        return new ArtistLexicon(m);
    }

    /** The names (keys, see {@link #key}), as stored in a model's metadata, one per line. */
    public static ArtistLexicon ofKeys(Collection<String> keys) {
        Map<String, Integer> m = new TreeMap<>();
        for (String k : keys) if (!k.isEmpty()) m.put(k, 1);
        return new ArtistLexicon(m);
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

    public boolean isEmpty() { return confirmations.isEmpty(); }

    public int size() { return confirmations.size(); }

    /** The names, sorted. */
    public List<String> keys() { return Collections.unmodifiableList(new ArrayList<>(confirmations.keySet())); }

    /** As {@link #marks(List, Collection)} with nothing discounted. */
    public int[] marks(List<Token> toks) { return marks(toks, Set.of()); }

    /**
     * The mark of every token: the longest run of tokens starting at a content token that spells
     * a name confirmed by some example other than the one whose own names are {@code own}.
     */
    public int[] marks(List<Token> toks, Collection<String> own) {
        int n = toks.size();
        int[] marks = new int[n];
        if (confirmations.isEmpty()) return marks;
        for (int i = 0; i < n; ) {
            if (!toks.get(i).kind().isContent()) { i++; continue; }
            int best = -1;
            StringBuilder b = new StringBuilder();
            for (int j = i; j < n && j < i + MAX_TOKENS; j++) {
                if (j > i && toks.get(j).spaceBefore()) b.append(' ');
                b.append(toks.get(j).norm());
                if (!toks.get(j).kind().isContent()) continue;
                Integer c = confirmations.get(b.toString());
                if (c != null && c - (own.contains(b.toString()) ? 1 : 0) >= 1) best = j;
            }
            if (best < 0) { i++; continue; }
            marks[i] = FIRST;
            for (int j = i + 1; j <= best; j++) marks[j] = INSIDE;
            i = best + 1;
        }
        return marks;
    }
}
