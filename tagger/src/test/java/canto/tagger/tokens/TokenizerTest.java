package canto.tagger.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    /** "KIND:text" for every token. */
    private static List<String> kinds(String s) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(s)) out.add(t.kind() + ":" + t.text());
        return out;
    }

    @Test
    void everyBracketKindOpensAndCloses() {
        List<Token> t = Tokenizer.tokenize("《甲》【乙】「丙」(丁)[戊]（己）『庚』");
        Bracket[] expected = {Bracket.BOOK, Bracket.LENTICULAR, Bracket.CORNER, Bracket.PAREN, Bracket.SQUARE,
                Bracket.PAREN, Bracket.CORNER};
        assertEquals(21, t.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(TokenKind.OPEN, t.get(3 * k).kind());
            assertEquals(expected[k], t.get(3 * k).bracket());
            assertEquals(TokenKind.HAN, t.get(3 * k + 1).kind());
            assertEquals(TokenKind.CLOSE, t.get(3 * k + 2).kind());
            assertEquals(expected[k], t.get(3 * k + 2).bracket());
        }
    }

    @Test
    void straightQuotesOpenThenCloseButApostrophesStayApostrophes() {
        assertEquals(List.of("HAN:容祖兒", "OPEN:'", "HAN:痛愛", "CLOSE:'", "LATIN:MV"), kinds("容祖兒 '痛愛' MV"));
        assertEquals(List.of("OPEN:\"", "NUMBER:24", "SEPARATOR:+", "NUMBER:7", "CLOSE:\""), kinds("\"24+7\""));
        // glued to a word on the left and followed by a space: an apostrophe, not a quote
        assertEquals(List.of("HAN:樂隊", "LATIN:Kids", "PUNCT:'", "LATIN:Band"), kinds("樂隊 Kids' Band"));
        // a dropped g ends its word when no single quote is open: Beggin', Stayin' Alive
        assertEquals(List.of("LATIN:Rockin' Band"), kinds("Rockin' Band"));
        assertEquals(List.of("LATIN:Måneskin", "DASH:-", "LATIN:Beggin'", "OPEN:(", "LATIN:Official Video", "CLOSE:)"),
                kinds("Måneskin - Beggin' (Official Video)"));
        assertEquals(List.of("LATIN:Bee Gees", "DASH:-", "LATIN:Stayin' Alive"), kinds("Bee Gees - Stayin' Alive"));
        // but it closes a single quote that is open
        assertEquals(List.of("LATIN:Bee Gees", "OPEN:'", "LATIN:Stayin", "CLOSE:'", "LATIN:MV"), kinds("Bee Gees 'Stayin' MV"));
        // inside a word it stays in the word
        assertEquals(List.of("LATIN:I'll Wait For You"), kinds("I'll Wait For You"));
        List<Token> curly = Tokenizer.tokenize("“紅綠燈”");
        assertEquals(Bracket.DOUBLE_QUOTE, curly.get(0).bracket());
        assertEquals(TokenKind.OPEN, curly.get(0).kind());
        assertEquals(TokenKind.CLOSE, curly.get(2).kind());
    }

    @Test
    void everyDashFormIsOneNormalisedDash() {
        for (String dash : new String[] {"-", "－", "—", "─", "–", "--", "——"}) {
            List<Token> t = Tokenizer.tokenize("甲 " + dash + " 乙");
            assertEquals(3, t.size(), dash);
            assertEquals(TokenKind.DASH, t.get(1).kind(), dash);
            assertEquals("-", t.get(1).norm(), dash);
            assertEquals(dash, t.get(1).text());
        }
        assertEquals(List.of("HAN:十年", "DASH:－", "HAN:陳奕迅"), kinds("十年－陳奕迅"));
    }

    @Test
    void scriptsSplitAndLatinWordsJoinIntoPhrases() {
        assertEquals(List.of("LATIN:AGA", "HAN:江海迦"), kinds("AGA江海迦"));
        assertEquals(List.of("HAN:時光機", "NUMBER:2046"), kinds("時光機2046"));
        assertEquals(List.of("LATIN:Dear Jane", "DASH:-", "HAN:銀河修理員", "LATIN:Galactic Repairman"),
                kinds("Dear Jane - 銀河修理員 Galactic Repairman"));
        assertEquals(List.of("LATIN:Eason Live in Concert", "NUMBER:2019"), kinds("Eason Live in Concert 2019"));
        assertEquals(List.of("LATIN:Ne-Yo", "LATIN:and", "LATIN:Rihanna"), kinds("Ne-Yo and Rihanna"));
        assertEquals(List.of("HAN:東京", "KANA:ラブストーリー", "HANGUL:사랑", "LATIN:Ελλάδα"), kinds("東京ラブストーリー 사랑 Ελλάδα"));
    }

    @Test
    void joiningWordsAndTrailingVideoNoiseBreakPhrases() {
        assertEquals(List.of("LATIN:Mirror", "LATIN:x", "LATIN:Dear Jane"), kinds("Mirror x Dear Jane"));
        assertEquals(List.of("LATIN:Warrior", "LATIN:Official Music Video"), kinds("Warrior Official Music Video"));
        assertEquals(List.of("LATIN:ft", "PUNCT:.", "HAN:陳蕾"), kinds("ft.陳蕾"));
    }

    @Test
    void hyphenDotApostropheSlashAndBangGluedBetweenLettersStayInTheWord() {
        assertEquals(List.of("LATIN:A-Lin", "HAN:黃麗玲"), kinds("A-Lin 黃麗玲"));
        assertEquals(List.of("LATIN:Taylor Swift", "DASH:-", "LATIN:Anti-Hero", "OPEN:(", "LATIN:Official Music Video", "CLOSE:)"),
                kinds("Taylor Swift - Anti-Hero (Official Music Video)"));
        assertEquals(List.of("LATIN:G.E.M.", "HAN:鄧紫棋", "OPEN:【", "HAN:光年之外", "LATIN:LIGHT YEARS AWAY", "CLOSE:】", "LATIN:MV"),
                kinds("G.E.M. 鄧紫棋【光年之外 LIGHT YEARS AWAY】MV"));
        assertEquals(List.of("LATIN:Gareth.T", "HAN:湯令山", "OPEN:《", "HAN:勁浪漫", "HAN:超溫馨", "CLOSE:》"),
                kinds("Gareth.T 湯令山 《勁浪漫 超溫馨》"));
        assertEquals(List.of("LATIN:Mr. Children", "DASH:-", "LATIN:Sign"), kinds("Mr. Children - Sign"));
        assertEquals(List.of("LATIN:Mr.", "HAN:比比"), kinds("Mr.比比"));
        assertEquals(List.of("LATIN:S.H.E", "OPEN:《", "HAN:不想長大", "CLOSE:》"), kinds("S.H.E《不想長大》"));
        assertEquals(List.of("LATIN:will.i.am", "LATIN:ft", "PUNCT:.", "LATIN:Britney Spears"), kinds("will.i.am ft. Britney Spears"));
        assertEquals(List.of("LATIN:AC/DC", "DASH:-", "LATIN:Thunderstruck"), kinds("AC/DC - Thunderstruck"));
        assertEquals(List.of("LATIN:GOT7", "OPEN:\"", "LATIN:A", "CLOSE:\"", "LATIN:M/V"), kinds("GOT7 \"A\" M/V"));
        assertEquals(List.of("LATIN:Panic! At The Disco", "DASH:-", "LATIN:High Hopes"), kinds("Panic! At The Disco - High Hopes"));
        assertEquals(List.of("LATIN:P!nk", "DASH:-", "LATIN:Try"), kinds("P!nk - Try"));
        assertEquals(List.of("LATIN:T-ARA", "OPEN:[", "HANGUL:티아라", "CLOSE:]"), kinds("T-ARA[티아라]"));
        assertEquals(List.of("LATIN:90's", "HAN:金曲"), kinds("90's金曲"));
        // two marks, or a mark before a space, do not glue; a dot after ft / feat never does
        assertEquals(List.of("LATIN:Wow", "PUNCT:!!", "HAN:好"), kinds("Wow!! 好"));
        assertEquals(List.of("LATIN:ft", "PUNCT:.", "LATIN:Jay"), kinds("ft.Jay"));
        assertEquals(List.of("LATIN:feat", "PUNCT:.", "LATIN:Jay"), kinds("feat.Jay"));
        assertEquals(List.of("LATIN:Vol.2"), kinds("Vol.2"));
        assertEquals(List.of("LATIN:Ke$ha", "SEPARATOR:、", "LATIN:Mary J. Blige"), kinds("Ke$ha、Mary J. Blige"));
        // a tilde glued between letters is part of the name; spaced, it separates
        assertEquals(List.of("LATIN:L'Arc~en~Ciel", "OPEN:「", "LATIN:HONEY", "CLOSE:」"), kinds("L'Arc~en~Ciel「HONEY」"));
        assertEquals(List.of("LATIN:Queen", "SEPARATOR:~", "LATIN:Bohemian Rhapsody"), kinds("Queen ~ Bohemian Rhapsody"));
        // a katakana middle dot between kana joins the word
        assertEquals(List.of("HAN:山下達郎", "KANA:クリスマス・イブ"), kinds("山下達郎 クリスマス・イブ"));
        assertEquals(List.of("LATIN:A", "PUNCT:・", "LATIN:B"), kinds("A・B"));
        // tortoise-shell brackets 〔〕 and white ones 〘〙 are brackets
        assertEquals(List.of("LATIN:Song", "OPEN:〔", "LATIN:Drama OST", "CLOSE:〕"), kinds("Song 〔Drama OST〕"));
        // an underscore is a separator even when glued: a real title writes 初老_KOLOR_Official Music Video
        assertEquals(List.of("HAN:初老", "SEPARATOR:_", "LATIN:KOLOR", "SEPARATOR:_", "LATIN:Official Music Video"),
                kinds("初老_KOLOR_Official Music Video"));
        assertEquals(List.of("LATIN:Taylor", "SEPARATOR:_", "LATIN:Swift", "SEPARATOR:_", "DASH:-", "SEPARATOR:_", "LATIN:Song_2"),
                kinds("Taylor_Swift_-_Song_2"));
        // ... except before a number that ends the name, and a dollar sign starts a word
        assertEquals(List.of("LATIN:fromis_9", "OPEN:(", "HANGUL:프로미스나인", "CLOSE:)", "OPEN:'", "LATIN:DM", "CLOSE:'"),
                kinds("fromis_9 (프로미스나인) 'DM'"));
        assertEquals(List.of("LATIN:Ty Dolla $ign", "DASH:-", "LATIN:Paranoid"), kinds("Ty Dolla $ign - Paranoid"));
        assertEquals(List.of("SYMBOL:$", "LATIN:100 Bill"), kinds("$100 Bill"));
    }

    @Test
    void aDollarSignInsideAWordAndTrailingSlashesBelongToTheWord() {
        assertEquals(List.of("LATIN:A$AP Rocky", "DASH:-", "LATIN:L$D", "OPEN:(", "LATIN:LOVE", "LATIN:x", "LATIN:$EX",
                "LATIN:x", "LATIN:DREAMS", "CLOSE:)"), kinds("A$AP Rocky - L$D (LOVE x $EX x DREAMS)"));
        assertEquals(List.of("LATIN:DISH//", "DASH:-", "HAN:猫", "SEPARATOR:/", "LATIN:THE FIRST TAKE"), kinds("DISH// - 猫 / THE FIRST TAKE"));
        assertEquals(List.of("LATIN:DISH⧸⧸", "DASH:-", "HAN:猫"), kinds("DISH⧸⧸ - 猫"));
        assertEquals(List.of("LATIN:DISH//", "OPEN:「", "HAN:猫", "CLOSE:」"), kinds("DISH//「猫」"));
        assertEquals("dish//", Tokenizer.tokenize("DISH⧸⧸ - 猫").get(0).norm());
        // one glued slash, or slashes with a word right after them, still separate
        assertEquals(List.of("LATIN:Song", "SEPARATOR:/", "HAN:陳奕迅"), kinds("Song/ 陳奕迅"));
        assertEquals(List.of("LATIN:a", "SEPARATOR:/", "SEPARATOR:/", "LATIN:b"), kinds("a//b"));
        assertEquals(List.of("HAN:陳奕迅", "SEPARATOR:/", "SEPARATOR:/", "HAN:王菀之"), kinds("陳奕迅//王菀之"));
        assertEquals(List.of("NUMBER:24", "SEPARATOR:/", "SEPARATOR:/", "LATIN:Song"), kinds("24// Song"));
    }

    @Test
    void aSpacedDashADashBetweenLatinAndCjkAndEnOrEmDashesSeparate() {
        assertEquals(List.of("LATIN:Beyond", "DASH:-", "LATIN:Amani"), kinds("Beyond -Amani"));
        assertEquals(List.of("LATIN:Beyond", "DASH:-", "LATIN:Amani"), kinds("Beyond- Amani"));
        assertEquals(List.of("LATIN:Beyond", "DASH:-", "HAN:海闊天空"), kinds("Beyond-海闊天空"));
        assertEquals(List.of("HAN:陳奕迅", "DASH:-", "LATIN:Lonely Christmas"), kinds("陳奕迅-Lonely Christmas"));
        assertEquals(List.of("LATIN:4MINUTE", "DASH:–", "LATIN:Whatever"), kinds("4MINUTE–Whatever"));
        assertEquals(List.of("LATIN:Blur", "DASH:—", "LATIN:Song"), kinds("Blur—Song"));
        assertEquals(List.of("HAN:十年", "DASH:-", "HAN:陳奕迅"), kinds("十年-陳奕迅"));
    }

    @Test
    void ytDlpFullWidthStandInsBehaveLikeWhatTheyReplace() {
        // yt-dlp writes / | : ? " in file names as ⧸ ｜ ： ？ ＂
        assertEquals(kindsOnly("陳奕迅 | 十年: 好? \"歌\" a/b AC/DC"), kindsOnly("陳奕迅 ｜ 十年： 好？ ＂歌＂ a⧸b AC⧸DC"));
        assertEquals(norms("陳奕迅 | 十年: 好? \"歌\" a/b AC/DC M/V"), norms("陳奕迅 ｜ 十年： 好？ ＂歌＂ a⧸b AC⧸DC M⧸V"));
        List<Token> t = Tokenizer.tokenize("AC⧸DC - T.N.T");
        assertEquals("AC⧸DC", t.get(0).text());
        assertEquals("ac/dc", t.get(0).norm());
        assertEquals(List.of("SEPARATOR:⧹"), kinds("⧹"));
    }

    private static List<String> kindsOnly(String s) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(s)) out.add(t.kind() + "/" + t.bracket() + "/" + t.spaceBefore());
        return out;
    }

    private static List<String> norms(String s) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(s)) out.add(t.norm());
        return out;
    }

    @Test
    void emojiAndNonBmpCharactersStayWhole() {
        assertEquals(List.of("SYMBOL:🔥", "OPEN:[", "LATIN:HD", "CLOSE:]", "HAN:千千闋歌"), kinds("🔥[HD]千千闋歌"));
        // a family emoji joined with ZWJ is one symbol token
        assertEquals(List.of("SYMBOL:👨\u200D👩\u200D👧", "HAN:歌"), kinds("👨\u200D👩\u200D👧 歌"));
        // U+20BB7 (CJK Extension B) is a Han character of two UTF-16 units
        List<Token> t = Tokenizer.tokenize("𠮷野家 - 歌");
        assertEquals("𠮷野家", t.get(0).text());
        assertEquals(3, t.get(0).codePoints());
        assertEquals(0, t.get(0).start());
        assertEquals(4, t.get(0).end());
    }

    @Test
    void whitespaceIsRememberedAndInvisibleCharactersAreSkipped() {
        List<Token> t = Tokenizer.tokenize("陳奕迅\u3000十年\u200B（Live）");
        assertEquals(List.of("HAN:陳奕迅", "HAN:十年", "OPEN:（", "LATIN:Live", "CLOSE:）"),
                kinds("陳奕迅\u3000十年\u200B（Live）"));
        assertFalse(t.get(0).spaceBefore());
        assertTrue(t.get(1).spaceBefore());
        assertFalse(t.get(2).spaceBefore());
        assertEquals("十年", "陳奕迅\u3000十年\u200B（Live）".substring(t.get(1).start(), t.get(1).end()));
    }

    @Test
    void normalisedTextIsNfkcLowerCase() {
        List<Token> t = Tokenizer.tokenize("ＭＶ《Ｋ歌之王》");
        assertEquals("mv", t.get(0).norm());
        assertEquals("ＭＶ", t.get(0).text());
        assertEquals("k", t.get(2).norm());
        assertEquals(TokenKind.LATIN, t.get(2).kind());
        assertEquals("歌之王", t.get(3).norm());
    }

    @Test
    void emptyAndBlankTitlesHaveNoTokens() {
        assertTrue(Tokenizer.tokenize("").isEmpty());
        assertTrue(Tokenizer.tokenize(" \t\u3000 ").isEmpty());
    }
}
