package canto.tagger.tokens;

/**
 * One token of a title: {@code text} is {@code source.substring(start, end)} (UTF-16 indices),
 * {@code norm} its normalised form (NFKC, lower case, dashes as {@code -}), {@code spaceBefore}
 * whether whitespace separates it from the previous token, {@code bracket} the family of an
 * {@link TokenKind#OPEN} / {@link TokenKind#CLOSE} token ({@link Bracket#NONE} otherwise).
 */
public record Token(TokenKind kind, String text, String norm, int start, int end, boolean spaceBefore, Bracket bracket) {
    /** Length in code points. */
    public int codePoints() { return text.codePointCount(0, text.length()); }

    @Override public String toString() { return kind + "(" + text + ")"; }
}
