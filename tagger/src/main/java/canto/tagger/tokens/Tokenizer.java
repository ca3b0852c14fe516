package canto.tagger.tokens;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a title into tokens: runs of one Unicode category. Han ideographs, kana and Hangul form
 * runs; Latin letters and digits form words (an apostrophe between two letters stays
 * inside: {@code I'll}, a dot between digits too: {@code 1.5}; a digit run glued to letters joins them:
 * {@code 20th}, {@code 4K}) and words separated only by spaces form phrases, as the labelled
 * data's tokenizer kept them ({@link #phrases}); every dash form ({@code - － — ─ –} ...) becomes one {@link TokenKind#DASH};
 * brackets and quotes become {@link TokenKind#OPEN} / {@link TokenKind#CLOSE} with their
 * {@link Bracket} family; whitespace separates tokens and is remembered as
 * {@link Token#spaceBefore()}. Invisible format characters (zero-width space, BOM, direction
 * marks) are skipped. Works on code points, so emoji and CJK Extension B characters are whole.
 *
 * <p>Straight quotes have no direction: {@code '} or {@code "} closes an open quote of its
 * family, ends the word when no single quote is open and it follows a word in {@code in}
 * ({@code Beggin'}, {@code Stayin' Alive}), is an apostrophe when glued to a word on its left and
 * followed by a space, and opens a quote otherwise. Stateless and thread-safe.
 */
public final class Tokenizer {
    private Tokenizer() {}

    /** The tokens of {@code s}, in order. */
    public static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        boolean space = false;
        boolean singleOpen = false, doubleOpen = false;
        int i = 0, n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) { space = true; i = next; continue; }
            if (Character.getType(cp) == Character.FORMAT) { i = next; continue; }
            CharClass c = classOf(cp);
            int end;
            TokenKind kind;
            Bracket bracket = Bracket.NONE;
            switch (c) {
                case HAN: end = runOf(s, next, CharClass.HAN); kind = TokenKind.HAN; break;
                case KANA: end = kanaRun(s, next); kind = TokenKind.KANA; break;
                case HANGUL: end = runOf(s, next, CharClass.HANGUL); kind = TokenKind.HANGUL; break;
                case LETTER: case DIGIT: {
                    end = wordEnd(s, i);
                    // a dropped g with no single quote open: Beggin', Stayin' Alive, Rock 'n' Rollin'
                    if (!singleOpen && end < n && s.charAt(end) == '\'' && endsDroppedG(s, i, end)
                            && (end + 1 >= n || !isAlnum(s.codePointAt(end + 1)))) end++;
                    kind = hasLetter(s, i, end) ? TokenKind.LATIN : TokenKind.NUMBER;
                    break;
                }
                case DASH: end = runOf(s, next, CharClass.DASH); kind = TokenKind.DASH; break;
                case SEPARATOR: end = next; kind = TokenKind.SEPARATOR; break;
                case OPEN: end = next; kind = TokenKind.OPEN; bracket = family(cp); break;
                case CLOSE: end = next; kind = TokenKind.CLOSE; bracket = family(cp); break;
                case SYMBOL:
                    // a dollar sign beginning a word is one of its letters: Ty Dolla $ign, $uicideboy$
                    if (cp == '$' && next < n && classOf(s.codePointAt(next)) == CharClass.LETTER) {
                        end = wordEnd(s, next);
                        kind = TokenKind.LATIN;
                        break;
                    }
                    end = symbolRun(s, next); kind = TokenKind.SYMBOL; break;
                case QUOTE: {
                    end = next;
                    bracket = family(cp);
                    boolean open = bracket == Bracket.SINGLE_QUOTE ? singleOpen : doubleOpen;
                    boolean gluedLeft = !space && !out.isEmpty() && isWordKind(out.get(out.size() - 1).kind());
                    boolean spaceRight = next >= n || isSpace(s.codePointAt(next));
                    if (open) kind = TokenKind.CLOSE;
                    else if (gluedLeft && spaceRight) { kind = TokenKind.PUNCT; bracket = Bracket.NONE; }
                    else kind = TokenKind.OPEN;
                    if (bracket == Bracket.SINGLE_QUOTE && kind != TokenKind.PUNCT) singleOpen = kind == TokenKind.OPEN;
                    if (bracket == Bracket.DOUBLE_QUOTE && kind != TokenKind.PUNCT) doubleOpen = kind == TokenKind.OPEN;
                    break;
                }
                default: end = sameCharRun(s, next, cp); kind = TokenKind.PUNCT; break;
            }
            String text = s.substring(i, end);
            out.add(new Token(kind, text, normalise(kind, bracket, text), i, end, space && !out.isEmpty(), bracket));
            space = false;
            i = end;
        }
        return phrases(s, out);
    }

    /**
     * Joins Latin words and numbers separated only by spaces into phrases ({@code Dear Jane},
     * {@code Galactic Repairman}), except that a joining word ({@code x}, {@code ft},
     * {@code feat}, {@code featuring}, {@code vs}, {@code by}, {@code with}, {@code cover}, {@code and}) and a year stay alone, and a trailing run of video-noise
     * words ({@code Official Music Video}, {@code MV}, {@code HD}) is split off as its own phrase.
     */
    private static List<Token> phrases(String s, List<Token> words) {
        List<Token> out = new ArrayList<>(words.size());
        int i = 0, n = words.size();
        while (i < n) {
            Token w = words.get(i);
            if (!isPhraseWord(w)) { out.add(w); i++; continue; }
            int j = i + 1;
            while (j < n && isPhraseWord(words.get(j)) && words.get(j).spaceBefore()) j++;
            // [i, j) is a run of phrase words; split off the trailing noise run
            int noise = j;
            while (noise > i && isVideoNoise(words.get(noise - 1).norm())) noise--;
            if (noise > i) out.add(merge(s, words, i, noise));
            if (noise < j) out.add(merge(s, words, noise, j));
            i = j;
        }
        return out;
    }

    private static final Set<String> VIDEO_NOISE = Set.of("official", "mv", "music", "video", "lyric", "lyrics",
            "audio", "hd", "hq", "4k", "1080p", "720p", "m/v", "visualizer", "teaser", "trailer", "karaoke", "ktv");

    /** True for the words a trailing "Official Music Video"-like run is made of. */
    private static boolean isVideoNoise(String norm) { return VIDEO_NOISE.contains(norm); }

    private static boolean isPhraseWord(Token t) {
        if (t.kind() != TokenKind.LATIN && t.kind() != TokenKind.NUMBER) return false;
        switch (t.norm()) {
            case "x": case "ft": case "feat": case "featuring": case "vs": case "by": case "with": case "cover": case "and": return false;
            default: return !isYear(t.norm());
        }
    }

    /** A year 1950-2039 stands alone: {@code Concert 2019}, {@code 2016 Yoyo Sham}. */
    private static boolean isYear(String norm) {
        if (norm.length() != 4) return false;
        for (int i = 0; i < 4; i++) if (norm.charAt(i) < '0' || norm.charAt(i) > '9') return false;
        int y = Integer.parseInt(norm);
        return y >= 1950 && y <= 2039;
    }

    private static Token merge(String s, List<Token> words, int from, int to) {
        if (to - from == 1) return words.get(from);
        Token a = words.get(from), b = words.get(to - 1);
        boolean letters = false;
        for (int k = from; k < to; k++) letters |= words.get(k).kind() == TokenKind.LATIN;
        TokenKind kind = letters ? TokenKind.LATIN : TokenKind.NUMBER;
        String text = s.substring(a.start(), b.end());
        StringBuilder norm = new StringBuilder();
        for (int k = from; k < to; k++) norm.append(k == from ? "" : " ").append(words.get(k).norm());
        return new Token(kind, text, norm.toString(), a.start(), b.end(), a.spaceBefore(), Bracket.NONE);
    }

    /** The normalised text used for features: NFKC, lower case, yt-dlp's {@code ⧸} and {@code ⧹} as a slash and a backslash; dashes {@code -}; brackets by family. */
    static String normalise(TokenKind kind, Bracket bracket, String text) {
        switch (kind) {
            case DASH: return "-";
            case OPEN: return "open:" + bracket.name();
            case CLOSE: return "close:" + bracket.name();
            default:
                boolean ascii = true;
                for (int k = 0; k < text.length() && ascii; k++) ascii = text.charAt(k) < 0x80;
                // NFKC maps yt-dlp's other file-name stand-ins (｜ ： ？ ＂ ＊ ＜ ＞) to what they replace
                String t = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u29F8', '/').replace('\u29F9', '\\');
                return t.toLowerCase(Locale.ROOT);
        }
    }

    private static boolean isWordKind(TokenKind k) {
        return k == TokenKind.LATIN || k == TokenKind.NUMBER || k == TokenKind.HAN;
    }

    enum CharClass { HAN, KANA, HANGUL, LETTER, DIGIT, DASH, SEPARATOR, OPEN, CLOSE, QUOTE, SYMBOL, PUNCT }

    /** Whitespace as the tokenizer sees it (Java whitespace or a Unicode space character). */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    static CharClass classOf(int cp) {
        switch (cp) {
            case '-': case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015':
            case '\u2500': case '\u2501': case '\uFF0D': case '\uFE63': case '\u2043': case '\u2212': case '\uFE58':
                return CharClass.DASH;
            case '_': case '|': case '\uFF5C': case '/': case '\uFF0F': case '\u29F8': case '\\': case '\u29F9': case '\u3001':
            case '&': case '\uFF06': case '~': case '\uFF5E': case '\u301C': case '+': case '\uFF0B':
            case ';': case '\uFF1B': case '\uFF3F':
                return CharClass.SEPARATOR;
            case '\u300A': case '\u3008': case '\u3010': case '\u3016': case '\u300C': case '\u300E': case '\u3014': case '\u3018':
            case '(': case '\uFF08': case '[': case '\uFF3B': case '{': case '\uFF5B': case '\u2018': case '\u201C':
                return CharClass.OPEN;
            case '\u300B': case '\u3009': case '\u3011': case '\u3017': case '\u300D': case '\u300F': case '\u3015': case '\u3019':
            case ')': case '\uFF09': case ']': case '\uFF3D': case '}': case '\uFF5D': case '\u2019': case '\u201D':
                return CharClass.CLOSE;
            case '\'': case '"': case '\uFF02': case '\uFF07':
                return CharClass.QUOTE;
            case '\u30FC':
                return CharClass.KANA;
            default:
                break;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || cp == '\u3007') return CharClass.HAN;
        if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) return CharClass.KANA;
        if (script == Character.UnicodeScript.HANGUL) return CharClass.HANGUL;
        if (Character.isDigit(cp)) return CharClass.DIGIT;
        if (Character.isLetter(cp)) return CharClass.LETTER;
        switch (Character.getType(cp)) {
            case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL: case Character.SURROGATE: case Character.PRIVATE_USE: case Character.UNASSIGNED:
                return CharClass.SYMBOL;
            default:
                return CharClass.PUNCT;
        }
    }

    static Bracket family(int cp) {
        switch (cp) {
            case '\u300A': case '\u300B': case '\u3008': case '\u3009': return Bracket.BOOK;
            case '\u3010': case '\u3011': case '\u3016': case '\u3017': return Bracket.LENTICULAR;
            case '\u300C': case '\u300D': case '\u300E': case '\u300F': return Bracket.CORNER;
            case '(': case ')': case '\uFF08': case '\uFF09': return Bracket.PAREN;
            case '\'': case '\uFF07': case '\u2018': case '\u2019': return Bracket.SINGLE_QUOTE;
            case '"': case '\uFF02': case '\u201C': case '\u201D': return Bracket.DOUBLE_QUOTE;
            default: return Bracket.SQUARE;
        }
    }

    private static int runOf(String s, int i, CharClass c) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (classOf(cp) != c) break;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** A kana run; a katakana middle dot between two kana belongs to it ({@code クリスマス・イブ}). */
    private static int kanaRun(String s, int i) {
        int end = runOf(s, i, CharClass.KANA);
        while (end + 1 < s.length() && s.charAt(end) == '\u30FB' && classOf(s.codePointAt(end + 1)) == CharClass.KANA) {
            end = runOf(s, end + 1, CharClass.KANA);
        }
        return end;
    }

    private static int sameCharRun(String s, int i, int cp) {
        while (i < s.length() && s.codePointAt(i) == cp) i += Character.charCount(cp);
        return i;
    }

    /** A symbol run: symbols plus emoji joiners, variation selectors and combining marks. */
    private static int symbolRun(String s, int i) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            boolean glue = cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F)
                    || Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK;
            if (!glue && classOf(cp) != CharClass.SYMBOL) break;
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * End of a word starting at {@code start}: letters, digits and combining marks, and a joiner
     * glued between two letters or digits ({@link #isJoiner}: {@code A-Lin}, {@code Anti-Hero},
     * {@code S.H.E}, {@code Gareth.T}, {@code will.i.am}, {@code AC/DC}, {@code M/V}, {@code I'll},
     * {@code P!nk}, {@code Ke$ha}, {@code L'Arc~en~Ciel}, {@code 1.5}; not {@code _}, which a real title glues between words: {@code 初老_KOLOR_Official}). A dot after {@code ft} / {@code feat} / {@code vs} / {@code prod}
     * is not a joiner ({@code ft.Jay} is two words). After the word, one more character may
     * belong to it ({@link #trailingMark}): the last dot of {@code G.E.M.}, {@code Mr.} or an initial
     * ({@code J. Cole}), the
     * {@code !} of {@code Panic!}; or a run of slashes ({@link #trailingSlashes}: {@code DISH//}).
     */
    private static int wordEnd(String s, int start) {
        int n = s.length(), i = start;
        while (i < n) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            CharClass c = classOf(cp);
            int type = Character.getType(cp);
            if (c == CharClass.LETTER || c == CharClass.DIGIT
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                i = next;
                continue;
            }
            if ((isJoiner(cp) || cp == '_' && numberSuffix(s, next)) && i > start && next < n && isAlnum(s.codePointBefore(i)) && isAlnum(s.codePointAt(next))
                    && !(cp == '.' && JOINING_WORDS.contains(s.substring(start, i).toLowerCase(Locale.ROOT)))) {
                i = next;
                continue;
            }
            break;
        }
        if (i < n && trailingMark(s, start, i)) return i + 1;
        return i + trailingSlashes(s, start, i);
    }

    /**
     * How many slashes at {@code end} end the word {@code s[start, end)}: a run of two or more
     * ({@code /} or yt-dlp's {@code ⧸}) glued to a word with a letter and followed by a space, the
     * end or a character that is not a letter or digit ({@code DISH//}, {@code DISH⧸⧸}); else 0. A
     * single glued slash stays a separator ({@code 陳奕迅/王菀之}), and so does a run with a word
     * right after it.
     */
    private static int trailingSlashes(String s, int start, int end) {
        int k = end;
        while (k < s.length() && (s.charAt(k) == '/' || s.charAt(k) == '\u29F8')) k++;
        if (k - end < 2 || !hasLetter(s, start, end)) return 0;
        return k == s.length() || !isAlnum(s.codePointAt(k)) ? k - end : 0;
    }

    /**
     * Whether an underscore followed by {@code s[from..]} ends a name as a number: digits up to a
     * space, bracket or the end ({@code fromis_9 (프로미스나인)}). Other glued underscores stand
     * for spaces or separators ({@code 初老_KOLOR_Official Music Video}, file names).
     */
    private static boolean numberSuffix(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') k++;
        return k > from && (k == s.length() || !isAlnum(s.codePointAt(k)) && s.charAt(k) != '_');
    }

    /** Characters that join two letters or digits into one word; {@code ⧸} is yt-dlp's file-name stand-in for {@code /}. */
    private static boolean isJoiner(int cp) {
        switch (cp) {
            case '\'': case '\u2019': case '.': case '-': case '\u2010': case '\u2011': case '/': case '\u29F8': case '!':
            case '$': case '~':
                return true;
            default:
                return false;
        }
    }

    private static boolean isAlnum(int cp) {
        CharClass c = classOf(cp);
        return c == CharClass.LETTER || c == CharClass.DIGIT;
    }

    /** Short words that end in a dot when abbreviated: {@code Mr. Children}, {@code Dr. Dre}, {@code St. Vincent}. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "jr", "sr", "st", "mt");

    /** Words a dot never glues to what follows: {@code ft.Jay} stays {@code ft} {@code .} {@code Jay}. */
    private static final Set<String> JOINING_WORDS = Set.of("ft", "feat", "featuring", "vs", "prod", "x", "with");

    /**
     * True when the character at {@code end} ends the word {@code s[start, end)}: a dot after a
     * dotted run of single letters ({@code G.E.M.}, {@code R.I.P.}) or after an abbreviation
     * ({@code Mr.}); a single {@code !} after a word with a letter ({@code Panic!}, not {@code !!}).
     * The character after it is never a letter or digit (the word would have gone on).
     */
    private static boolean trailingMark(String s, int start, int end) {
        int cp = s.charAt(end);
        if (cp == '.') {
            String w = s.substring(start, end);
            int lastDot = w.lastIndexOf('.');
            boolean dottedLetters = lastDot >= 0 && w.length() - lastDot - 1 == 1 && Character.isLetter(w.charAt(w.length() - 1));
            boolean initial = w.length() == 1 && Character.isUpperCase(w.charAt(0)); // J. Cole, Mary J. Blige
            return dottedLetters || initial || ABBREVIATIONS.contains(w.toLowerCase(Locale.ROOT));
        }
        if (cp == '!') {
            boolean single = end + 1 >= s.length() || s.charAt(end + 1) != '!';
            return single && hasLetter(s, start, end);
        }
        return false;
    }

    /** True for a word ending in {@code in} of at least four letters ({@code Beggin}, {@code Lovin}), which an apostrophe may end. */
    private static boolean endsDroppedG(String s, int start, int end) {
        return end - start >= 4 && (s.charAt(end - 1) == 'n' || s.charAt(end - 1) == 'N')
                && (s.charAt(end - 2) == 'i' || s.charAt(end - 2) == 'I');
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }
}
