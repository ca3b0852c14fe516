package canto.tagger.tokens;

/** The families of brackets and quotes met in titles; {@link #NONE} for tokens that are not one. */
public enum Bracket {
    NONE, BOOK /* 《》〈〉 */, LENTICULAR /* 【】〖〗 */, CORNER /* 「」『』 */, PAREN /* () （） */,
    SQUARE /* [] ［］ {} */, SINGLE_QUOTE /* '' ‘’ */, DOUBLE_QUOTE /* "" “” ＂ */
}
