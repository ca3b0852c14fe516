package canto.tagger.training;

/**
 * The writing system of a character or a name, as issue 8's conventions need it: a name with a
 * Han character is {@link #HAN} and wins the label; otherwise a Latin name wins over a Hangul
 * or kana one; a name in one script only is kept as written.
 */
enum Script {
    HAN, LATIN, HANGUL, KANA, DIGIT, OTHER;

    /** The class of one code point. */
    static Script of(int cp) {
        if (Character.isDigit(cp)) return DIGIT;
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        switch (s) {
            case HAN: return HAN;
            case LATIN: return LATIN;
            case HANGUL: return HANGUL;
            case HIRAGANA: case KATAKANA: return KANA;
            default: return cp == 'ー' ? KANA : OTHER;
        }
    }

    /** The class of a name: HAN when it holds a Han character, else LATIN when it holds a Latin letter, else HANGUL / KANA. */
    static Script ofName(String name) {
        boolean latin = false, hangul = false, kana = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            switch (of(cp)) {
                case HAN: return HAN;
                case LATIN: latin = true; break;
                case HANGUL: hangul = true; break;
                case KANA: kana = true; break;
                default: break;
            }
        }
        return latin ? LATIN : hangul ? HANGUL : kana ? KANA : OTHER;
    }

    /** Issue 8's priority when one act is written in several scripts: lower wins. */
    int labelPriority() {
        switch (this) {
            case HAN: return 0;
            case LATIN: return 1;
            default: return 2;
        }
    }

    /** True for a letter or digit (of any script). */
    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /**
     * True when two word characters side by side would read as one word: the same script
     * (digits go with Latin), or Han next to kana (Japanese mixes them inside words).
     */
    static boolean glues(int a, int b) {
        if (!isWordChar(a) || !isWordChar(b)) return false;
        Script x = of(a), y = of(b);
        if (x == DIGIT) x = LATIN;
        if (y == DIGIT) y = LATIN;
        if (x == y) return true;
        return (x == HAN && y == KANA) || (x == KANA && y == HAN);
    }
}
