package canto.tagger.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.nn.Parameters;
import canto.tagger.features.ArtistLexicon;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the user model's training is really fed, counted where the trainer builds its features
 * (see {@link UserModelTrainer.Fed}): every user example, and the lexicon feature firing on the
 * examples whose artist another example confirms. Kept fast: 1 epoch over 20 replayed titles.
 */
class UserModelTrainerTest {
    private static LabelledTitle t(String title, String artist, int a0, int a1, String song, int s0, int s1) {
        return LabelledTitles.parseLine(title + "\t" + artist + "\t" + song + "\t" + a0 + "-" + a1 + "\t" + s0 + "-" + s1, "test", true);
    }

    private static final List<LabelledTitle> USER = List.of(
            t("陳奕迅 - 浮誇", "陳奕迅", 0, 3, "浮誇", 6, 8),
            t("【富士山下】陳奕迅 Live", "陳奕迅", 6, 9, "富士山下", 1, 5),
            t("Zqxvorn - Blue Lantern", "Zqxvorn", 0, 7, "Blue Lantern", 10, 22));

    @Test
    void everyUserExampleIsTrainedOnAndTheLexiconFeatureFiresOnConfirmedNames() {
        List<LabelledTitle> replay = UserModelTrainer.writtenTitles().subList(0, 20);
        UserModelTrainer.Settings s = new UserModelTrainer.Settings(1, 0.003f, 8, 0.1f, 0, 1);
        UserModelTrainer.Trained tr = UserModelTrainer.train(NeuralTitleParser.loadBundled(), USER, replay, s, null);
        UserModelTrainer.Fed fed = tr.fed();
        int repeats = UserModelTrainer.repeats(USER.size(), replay.size(), s.maxRepeats());
        assertEquals(7, repeats, "ceil(20 / 3)");
        assertEquals(Set.of("陳奕迅 - 浮誇", "【富士山下】陳奕迅 Live", "Zqxvorn - Blue Lantern"), fed.userTitlesSeen());
        assertTrue(fed.calls() >= replay.size() + repeats * USER.size(), fed.toString());
        assertEquals(0, fed.userCalls() % (repeats * USER.size()), "each user example as often as the others: " + fed);
        assertTrue(fed.userCalls() >= repeats * USER.size(), "every repeat of every user example: " + fed);
        // 陳奕迅 is confirmed for each of its two titles by the other; Zqxvorn only by its own tag, so it does not fire
        assertTrue(fed.markedUserCalls() > 0, "the lexicon feature never fired: " + fed);
        assertEquals(fed.userCalls() * 2, fed.markedUserCalls() * 3, fed.toString());
        java.util.Set<String> names = new java.util.TreeSet<>(NeuralTitleParser.loadBundled().lexicon().keys());
        names.addAll(List.of("zqxvorn", "陳奕迅"));
        assertEquals(List.copyOf(names), tr.lexicon().keys(), "the user's names and the bundled model's (none unless it has known acts)");

        // the marks reach the features the model trains on: a lexicon that never fires (same data, same seed) trains other weights
        UserModelTrainer.Trained silent = UserModelTrainer.train(NeuralTitleParser.loadBundled(), USER, replay, s, null,
                ArtistLexicon.ofKeys(List.of("nobody")));
        assertEquals(0, silent.fed().markedUserCalls());
        assertEquals(fed.calls(), silent.fed().calls());
        assertFalse(Arrays.equals(Parameters.of(silent.model()).values(), Parameters.of(tr.model()).values()),
                "the lexicon marks were computed but never reached the trained weights");

        // and parsing feeds it too: the same weights with a lexicon lacking the name (so no mark fires) score it differently
        NeuralTitleParser with = tr.parser(Map.of()),
                other = new NeuralTitleParser(tr.model(), Map.of(), ArtistLexicon.ofKeys(List.of("zqxvorn")));
        String title = "陳奕迅《好久不見》MV";
        assertNotEquals(other.decode(title).risk(), with.decode(title).risk(), "a confirmed name changes nothing at parse time");
        assertEquals(other.decode("Qorvanth - 在月台上等你").risk(), with.decode("Qorvanth - 在月台上等你").risk(),
                "no confirmed name in the title: the same features, the same parse");
    }

    @Test
    void theLexiconIsTheBaseModelsNamesAndTheUsersAndABaseNameFiresOnItsOnlyExample() {
        // a base model with known acts (here: the bundled weights with a lexicon of two names)
        NeuralTitleParser bundled = NeuralTitleParser.loadBundled();
        NeuralTitleParser base = new NeuralTitleParser(bundled.trainableCopy(), bundled.metadata(),
                ArtistLexicon.ofKeys(List.of("zqxvorn", "衛蘭")));
        List<LabelledTitle> replay = UserModelTrainer.writtenTitles().subList(0, 20);
        UserModelTrainer.Settings s = new UserModelTrainer.Settings(1, 0.003f, 8, 0.1f, 0, 1);
        UserModelTrainer.Trained tr = UserModelTrainer.train(base, USER, replay, s, null);
        assertEquals(List.of("zqxvorn", "衛蘭", "陳奕迅"), tr.lexicon().keys(), "the union");
        // Zqxvorn is confirmed only by its own tag, but the base knows it: now every user example is marked
        UserModelTrainer.Fed fed = tr.fed();
        assertTrue(fed.userCalls() > 0);
        assertEquals(fed.userCalls(), fed.markedUserCalls(), fed.toString());
        // and the user model parses with the union: a base name marks a title as it did in the base
        NeuralTitleParser user = tr.parser(Map.of()),
                userOnly = new NeuralTitleParser(tr.model(), Map.of(), ArtistLexicon.ofKeys(List.of("zqxvorn", "陳奕迅")));
        assertNotEquals(userOnly.decode("衛蘭 - 在月台上等你").risk(), user.decode("衛蘭 - 在月台上等你").risk());
    }

    @Test
    void hardExamplesTheBaseParsesWrongAreRepeatedMoreAndTheOthersAsBefore() {
        NeuralTitleParser bundled = NeuralTitleParser.loadBundled();
        // a Latin song named first, the act after the dash: the bundled model reads it the other way round
        List<LabelledTitle> user = List.of(USER.get(0), USER.get(1), t("Blue Lantern - Zqxvorn", "Zqxvorn", 15, 22, "Blue Lantern", 0, 12));
        List<LabelledTitle> wrong = UserModelTrainer.misparsed(bundled, user);
        assertEquals(List.of(user.get(2)), wrong, "the bundled model reads the first two right and the reversed one wrong");
        List<LabelledTitle> replay = UserModelTrainer.writtenTitles().subList(0, 20);
        UserModelTrainer.Settings s = new UserModelTrainer.Settings(1, 0.003f, 8, 0.1f, 0, 1);
        int r = UserModelTrainer.repeats(user.size(), replay.size(), s.maxRepeats());
        UserModelTrainer.Trained plain = UserModelTrainer.train(bundled, user, replay, s, null);
        assertEquals(r * user.size(), plain.fed().userCalls(), "hard 1: every example r times");
        UserModelTrainer.Trained hard = UserModelTrainer.train(bundled, user, replay, s.withHard(3f), null);
        assertEquals(r * user.size() + 2 * r * wrong.size(), hard.fed().userCalls(), "hard 3: the misparsed one 3r times, the others r");
        assertFalse(Arrays.equals(Parameters.of(plain.model()).values(), Parameters.of(hard.model()).values()));
        assertEquals(s, s.withHard(1f), "the short constructor: no weighting");
        assertEquals(3f, UserModelTrainer.Settings.defaults().hard(), "learn's choice (docs/TAGGER.md)");
    }
}
