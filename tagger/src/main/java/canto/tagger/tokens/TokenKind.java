package canto.tagger.tokens;

/** What a {@link Token} is made of; one kind per token. */
public enum TokenKind {
    /** A run of Han ideographs (CJK, extensions included). */
    HAN,
    /** A word of Latin (or other alphabetic) letters, digits allowed inside: {@code Eason}, {@code 20th}, {@code I'll}. */
    LATIN,
    /** A run of digits not attached to Latin letters: {@code 2014}, the {@code 13} of {@code 13樓}. */
    NUMBER,
    /** A run of Japanese kana. */
    KANA,
    /** A run of Hangul. */
    HANGUL,
    /** An opening bracket or quote; see {@link Token#bracket()}. */
    OPEN,
    /** A closing bracket or quote; see {@link Token#bracket()}. */
    CLOSE,
    /** A dash of any width or a run of them, normalised to {@code -}. */
    DASH,
    /** A list separator: {@code _ | / ／ 、 , ， & ~ ＆ ⧸} and the like. */
    SEPARATOR,
    /** Other punctuation: {@code . : ! ? · ，} ... */
    PUNCT,
    /** Symbols and emoji (a run of them, joiners and modifiers included). */
    SYMBOL;

    /** Han, Latin, number, kana or Hangul: a token that can carry a name or a song (not punctuation). */
    public boolean isContent() {
        return this == HAN || this == LATIN || this == NUMBER || this == KANA || this == HANGUL;
    }
}
