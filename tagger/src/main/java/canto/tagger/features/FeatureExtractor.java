package canto.tagger.features;

import canto.tagger.tokens.Token;
import canto.tagger.tokens.TokenKind;
import java.util.Arrays;
import java.util.List;

/**
 * Our model's token features: sparse, named by a namespace and a value, hashed into
 * {@code buckets} embedding rows (the "hashing trick"). Per token, about 60 of them:
 * <ul>
 *   <li>the token itself: kind, normalised text, Han length / first / last / every character,
 *       a name shape (2-4 Han characters starting with a common surname), Latin phrase shape,
 *       length, prefix and suffix, its words (each, first, last, how many, how many are
 *       noise), noise-word categories ({@link Lexicon});</li>
 *   <li>brackets: innermost and outermost bracket family around it, depth, first / last inside
 *       its bracket, how many tokens the bracket holds;</li>
 *   <li>position: content tokens before / after it, tokens of its own kind before / after it,
 *       dashes before / after it;</li>
 *   <li>context: kinds of the tokens up to 3 either side, texts of those up to 2 either side,
 *       whitespace around it, the previous / next content token's kind and what separates them,
 *       kind trigrams.</li>
 * </ul>
 * Feature version {@value #VERSION}: a model records it, and a model of another version is
 * refused. Not thread-safe (reuses a buffer); make one per thread.
 */
public final class FeatureExtractor {
    public static final int VERSION = 5;

    // namespaces
    private static final int BIAS = 1, KIND = 2, WORD = 3, HLEN = 4, HFIRST = 5, HLAST = 6, HCHAR = 7, NAME = 8,
            NOISE = 9, NOISE_SUFFIX = 10, SHAPE = 11, LLEN = 12, PREFIX = 13, SUFFIX = 14, NUMLEN = 15, BR = 16,
            BR_KIND = 17, OUTER = 18, BR_POS = 19, BR_SIZE = 20, CPOS = 21, CPOS_END = 22, CPOS_BOTH = 23,
            SAME_KIND = 24, DASHES = 25, DASHES_KIND = 26, NEIGHBOUR_KIND = 30, NEIGHBOUR_WORD = 40, SPACES = 50,
            PREV_CONTENT = 51, NEXT_CONTENT = 52, TRIGRAM = 53, LEFT_BIGRAM = 54, RIGHT_BIGRAM = 55, NEIGHBOUR_NOISE = 56,
            CONTENT_COUNT = 57, HAN_COUNT = 58, PREV_CONTENT_WORD = 59, NEXT_CONTENT_WORD = 60, OTHERLEN = 61,
            PHRASE_WORD = 62, PHRASE_FIRST = 63, PHRASE_LAST = 64, PHRASE_SIZE = 65, PHRASE_NOISE = 66, CHAR_GRAM = 67,
            LEXICON = 70, LEXICON_NEAR = 71;
    private static final int EDGE = 99; // "kind" of the position before the first / after the last token

    private final int buckets;
    private int[] ids = new int[256];
    private int count;
    private int h;

    public FeatureExtractor(int buckets) {
        if (buckets < 2) throw new IllegalArgumentException("buckets must be >= 2: " + buckets);
        this.buckets = buckets;
    }

    public int buckets() { return buckets; }

    public TokenFeatures extract(List<Token> toks) { return extract(toks, null); }

    /**
     * As {@link #extract(List)}, plus the lexicon feature when {@code lexicon} is not null: each
     * token's {@link ArtistLexicon} mark and the marks of its neighbours. Without a lexicon (a
     * model trained without one) the features are exactly those of {@link #extract(List)}.
     */
    public TokenFeatures extract(List<Token> toks, int[] lexicon) { return extract(toks, lexicon, null); }

    /**
     * As {@link #extract(List, int[])}, with the tokens marked in {@code unseen} (null: none)
     * shown as words never seen: their text-identity features (text, Han characters, prefix,
     * suffix, phrase words, character n-grams) are left out, for themselves and where a
     * neighbour names them; kind, shape, length, noise categories, brackets and position stay.
     * Training's word dropout; parsing never marks a token.
     */
    /** Whether token {@code i} is shown as a word never seen (word dropout; {@code unseen} null: none is). */
    private static boolean hidden(boolean[] unseen, int i) {
        return unseen != null && unseen[i];
    }

    public TokenFeatures extract(List<Token> toks, int[] lexicon, boolean[] unseen) {
        int n = toks.size();
        count = 0;
        int[] offsets = new int[n + 1];
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) kind[i] = toks.get(i).kind().ordinal();
        TitleLayout lay = TitleLayout.of(toks);
        int hanCount = lay.sameKindTotal(TokenKind.HAN);
        for (int i = 0; i < n; i++) {
            offsets[i] = count;
            Token t = toks.get(i);
            int k = kind[i];
            String norm = t.norm();
            f(BIAS, 0);
            f(KIND, k);
            boolean hidden = hidden(unseen, i);
            if (!hidden) word(WORD, norm);
            switch (t.kind()) {
                case HAN: {
                    int len = norm.codePointCount(0, norm.length());
                    f(HLEN, Math.min(len, 7));
                    if (!hidden) {
                        f(HFIRST, norm.codePointAt(0));
                        f(HLAST, norm.codePointBefore(norm.length()));
                    }
                    int c = 0;
                    for (int p = 0; p < norm.length() && c < 10 && !hidden; c++) {
                        int cp = norm.codePointAt(p);
                        f(HCHAR, cp);
                        p += Character.charCount(cp);
                    }
                    f(NAME, Lexicon.nameShaped(norm) ? 1 : 0, Math.min(len, 5));
                    if (!hidden) charGrams(norm, 2, 8);
                    Lexicon.Noise noise = Lexicon.hanNoise(norm);
                    if (noise != null) f(NOISE, noise.ordinal());
                    Lexicon.Noise suffix = Lexicon.hanNoiseSuffix(norm);
                    if (suffix != null) f(NOISE_SUFFIX, suffix.ordinal());
                    break;
                }
                case LATIN: {
                    f(SHAPE, shape(t.text()));
                    int len = norm.length();
                    f(LLEN, len <= 3 ? len : len <= 5 ? 4 : len <= 8 ? 5 : 6);
                    if (len > 3 && !hidden) {
                        f(PREFIX, norm.charAt(0), norm.charAt(1), norm.charAt(2));
                        f(SUFFIX, norm.charAt(len - 3), norm.charAt(len - 2), norm.charAt(len - 1));
                    }
                    Lexicon.Noise noise = Lexicon.latinNoise(norm);
                    if (noise != null) f(NOISE, noise.ordinal());
                    phraseWords(norm, hidden);
                    if (!hidden) charGrams(norm, 3, 16);
                    break;
                }
                case NUMBER: f(NUMLEN, Math.min(norm.length(), 5)); break;
                case KANA: case HANGUL:
                    f(OTHERLEN, k, Math.min(norm.length(), 5));
                    if (!hidden) { charGrams(norm, 1, 6); charGrams(norm, 2, 6); }
                    break;
                default: break;
            }
            // brackets
            int inner = lay.inner[i], depth = Math.min(lay.depth[i], 3);
            f(BR, inner, depth);
            f(BR_KIND, inner, k);
            f(OUTER, lay.outer[i], depth);
            if (lay.openAt[i] >= 0) {
                int size = lay.closeAt[i] - lay.openAt[i] - 1;
                f(BR_POS, inner, i == lay.openAt[i] + 1 ? 1 : 0, i == lay.closeAt[i] - 1 ? 1 : 0);
                f(BR_SIZE, inner, Math.min(size, 5));
            }
            // position
            int cb = Math.min(lay.contentBefore[i], 5), ca = Math.min(lay.contentAfter[i], 5);
            f(CPOS, cb);
            f(CPOS_END, ca);
            f(CPOS_BOTH, Math.min(cb, 3), Math.min(ca, 3));
            f(SAME_KIND, k, Math.min(lay.sameBefore[i], 3), Math.min(lay.sameAfter[i], 3));
            int db = Math.min(lay.dashBefore[i], 2), da = Math.min(lay.dashAfter[i], 2);
            f(DASHES, db, da);
            f(DASHES_KIND, db, da, k);
            f(CONTENT_COUNT, Math.min(lay.contentTotal, 8));
            f(HAN_COUNT, Math.min(hanCount, 4), k);
            // neighbours
            for (int d = -3; d <= 3; d++) {
                if (d == 0) continue;
                int j = i + d;
                int nk = j < 0 || j >= n ? EDGE : kind[j];
                f(NEIGHBOUR_KIND + d + 3, nk);
                if (d >= -2 && d <= 2) {
                    if (nk == EDGE) f(NEIGHBOUR_WORD + d + 2, EDGE);
                    else if (!hidden(unseen, j)) word(NEIGHBOUR_WORD + d + 2, toks.get(j).norm());
                }
                if ((d == -1 || d == 1) && nk != EDGE) {
                    Lexicon.Noise noise = toks.get(j).kind() == TokenKind.HAN ? Lexicon.hanNoise(toks.get(j).norm())
                            : Lexicon.latinNoise(toks.get(j).norm());
                    if (noise != null) f(NEIGHBOUR_NOISE, d, noise.ordinal());
                }
            }
            boolean spaceAfter = i + 1 < n && toks.get(i + 1).spaceBefore();
            f(SPACES, k, t.spaceBefore() ? 1 : 0, spaceAfter ? 1 : 0);
            int pc = lay.prevContent[i], nc = lay.nextContent[i];
            f(PREV_CONTENT, pc < 0 ? EDGE : kind[pc], lay.barrier(pc, i), k);
            f(NEXT_CONTENT, nc < 0 ? EDGE : kind[nc], lay.barrier(i, nc), k);
            if (pc >= 0 && !hidden(unseen, pc)) word(PREV_CONTENT_WORD, toks.get(pc).norm());
            if (nc >= 0 && !hidden(unseen, nc)) word(NEXT_CONTENT_WORD, toks.get(nc).norm());
            int kp = i > 0 ? kind[i - 1] : EDGE, kn = i + 1 < n ? kind[i + 1] : EDGE;
            if (lexicon != null) lexicon(lexicon, i, k);
            f(TRIGRAM, kp, k, kn);
            f(LEFT_BIGRAM, kp, k);
            f(RIGHT_BIGRAM, k, kn);
        }
        offsets[n] = count;
        return new TokenFeatures(Arrays.copyOf(ids, count), offsets);
    }

    /** The lexicon feature of token i (kind k): its mark, and its mark with those of its neighbours. */
    private void lexicon(int[] marks, int i, int k) {
        int m = marks[i], prev = i > 0 ? marks[i - 1] : EDGE, next = i + 1 < marks.length ? marks[i + 1] : EDGE;
        f(LEXICON, m, k);
        f(LEXICON_NEAR, m, prev, next);
    }

    /** Features of the words of a Latin phrase: each word, the first and last, how many, how many are noise. */
    private void phraseWords(String norm, boolean hidden) {
        int words = 0, noisy = 0, start = 0;
        for (int i = 0; i <= norm.length(); i++) {
            if (i < norm.length() && norm.charAt(i) != ' ') continue;
            if (i > start) {
                String w = norm.substring(start, i);
                Lexicon.Noise noise = Lexicon.latinNoise(w);
                if (noise != null) { noisy++; f(PHRASE_NOISE, noise.ordinal()); }
                if (!hidden) {
                    if (words < 8) word(PHRASE_WORD, w);
                    if (words == 0) word(PHRASE_FIRST, w);
                    if (i == norm.length()) word(PHRASE_LAST, w);
                }
                words++;
            }
            start = i + 1;
        }
        f(PHRASE_SIZE, Math.min(words, 6), Math.min(noisy, 3), noisy == words ? 1 : 0);
    }

    /**
     * Character n-grams of a token's normalised text with {@code ^} and {@code $} at its ends
     * (at most {@code max} of them, from the start): what a name or a word is made of, for
     * names never seen in training.
     */
    private void charGrams(String norm, int n, int max) {
        int len = norm.codePointCount(0, norm.length());
        if (len + 2 < n) return;
        int[] cp = new int[len + 2];
        cp[0] = '^';
        for (int i = 0, p = 0; i < len; i++) { cp[i + 1] = norm.codePointAt(p); p += Character.charCount(cp[i + 1]); }
        cp[len + 1] = '$';
        for (int i = 0; i + n <= cp.length && i < max; i++) {
            h = seed(CHAR_GRAM + 100 * n);
            for (int k = 0; k < n; k++) mix(cp[i + k]);
            emit();
        }
    }

    /** Latin word shape: 0 lower, 1 Capitalised, 2 UPPER, 3 mIxed, plus 4 when it holds a digit. */
    static int shape(String w) {
        int upper = 0, lower = 0, digit = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isUpperCase(c)) upper++;
            else if (Character.isLowerCase(c)) lower++;
            else if (Character.isDigit(c)) digit++;
        }
        int s = upper == 0 ? 0 : lower == 0 ? 2 : (upper == 1 && Character.isUpperCase(w.charAt(0))) ? 1 : 3;
        return s + (digit > 0 ? 4 : 0);
    }

    // ---- hashing -------------------------------------------------------------------------

    private void word(int ns, String s) {
        h = seed(ns);
        for (int i = 0; i < s.length(); i++) mix(s.charAt(i));
        emit();
    }

    private void f(int ns, int a) { h = seed(ns); mix(a); emit(); }

    private void f(int ns, int a, int b) { h = seed(ns); mix(a); mix(b); emit(); }

    private void f(int ns, int a, int b, int c) { h = seed(ns); mix(a); mix(b); mix(c); emit(); }

    private static int seed(int ns) { return 0x811C9DC5 ^ (ns * 0x9E3779B1); }

    private void mix(int v) {
        h = (h ^ (v & 0xFFFF)) * 0x01000193;
        h = (h ^ (v >>> 16)) * 0x01000193;
    }

    private void emit() {
        int x = h;
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
        ids[count++] = (int) (((x & 0xFFFFFFFFL) * buckets) >>> 32); // x scaled into [0, buckets) without a division
    }
}
