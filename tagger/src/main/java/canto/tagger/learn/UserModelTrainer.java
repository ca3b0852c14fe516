package canto.tagger.learn;

import canto.tagger.features.ArtistLexicon;
import canto.tagger.model.DataException;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import canto.tagger.training.Trainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the user model: the bundled model's weights trained on further with the user's
 * examples and, so that it does not forget the title forms the user's library lacks, the
 * titles we wrote (bundled in the jar, {@value #REPLAY}). The user's examples are repeated
 * in every epoch ({@link #repeats}) so that where their conventions differ from ours, theirs
 * win. Deterministic: the same examples (in the same order), seed and kernels give the same weights.
 */
public final class UserModelTrainer {
    /** The titles we wrote, in the jar. */
    public static final String REPLAY = "/canto/tagger/learn/titles-written.tsv";

    /** Epochs, learning rate and seed of the training on from the bundled model. */
    public record Settings(int epochs, float lr, int maxRepeats, long seed) {
        public static Settings defaults() { return new Settings(6, 0.001f, 4, 1); }

        public Settings withSeed(long s) { return new Settings(epochs, lr, maxRepeats, s); }
    }

    private UserModelTrainer() {}

    /** The written titles bundled in the jar. */
    public static List<LabelledTitle> replayTitles() {
        InputStream in = UserModelTrainer.class.getResourceAsStream(REPLAY);
        if (in == null) throw new DataException("the jar lacks " + REPLAY);
        List<LabelledTitle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            for (int ln = 2; (line = r.readLine()) != null; ln++) {
                if (!line.isBlank()) out.add(LabelledTitles.parseLine(line, REPLAY + ":" + ln, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** How many times each user example is seen per epoch: enough to weigh as much as the replayed titles, at most {@code max}. */
    static int repeats(int user, int replay, int max) {
        if (user == 0) return 0;
        return Math.max(1, Math.min(max, (replay + user - 1) / user));
    }

    /** A trained user model: the classifier and the artist names of its lexicon feature. */
    public record Trained(TokenClassifier model, ArtistLexicon lexicon) {
        public NeuralTitleParser parser(Map<String, String> metadata) { return new NeuralTitleParser(model, metadata, lexicon); }
    }

    /**
     * Trains on from {@code base} (not changed) with {@code user} examples and {@code replay}
     * titles; the lexicon feature knows the user examples' artists (each example sees those of
     * the others).
     */
    public static Trained train(NeuralTitleParser base, List<LabelledTitle> user, List<LabelledTitle> replay, Settings s,
                                PrintStream log) {
        int r = repeats(user.size(), replay.size(), s.maxRepeats());
        List<LabelledTitle> data = new ArrayList<>(replay.size() + r * user.size());
        data.addAll(replay);
        for (int k = 0; k < r; k++) data.addAll(user);
        List<List<String>> artists = new ArrayList<>();
        for (LabelledTitle t : user) artists.add(t.artists());
        ArtistLexicon lexicon = ArtistLexicon.of(artists);
        Set<LabelledTitle> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(user);
        Trainer.Options opt = new Trainer.Options(s.epochs(), 16, s.lr(), 0f, 0.1f, s.seed());
        TokenClassifier model = Trainer.train(data, base.trainableCopy(), opt, log,
                (t, toks) -> lexicon.marks(toks, mine.contains(t) ? ArtistLexicon.keysOf(t.artists()) : Set.of()));
        return new Trained(model, lexicon);
    }
}
