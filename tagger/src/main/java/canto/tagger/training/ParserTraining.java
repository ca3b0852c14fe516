package canto.tagger.training;

import canto.tagger.features.ArtistLexicon;
import canto.tagger.model.Calibration;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole recipe of the bundled parser, as library calls: train on the hand-labelled titles
 * (repeated) plus generated ones ({@link TrainingMix}); cross-validate on the real titles
 * (each fold trained on everything else, generated titles included, and tested on real
 * titles only); fit the {@link Calibration} of the confidence on those held-out parses. With
 * the recipe's known acts every parser (each fold's too) parses with the lexicon of
 * {@link KnownActs}. The dev set is never used here.
 */
public final class ParserTraining {
    /**
     * Everything a training run depends on besides the data. {@code knownActs}: the lexicon
     * feature with the acts of the generator's lists ({@link KnownActs}), each title's own acts
     * left out of it with probability {@code actLeaveOut} in training.
     */
    public record Recipe(TokenClassifier.Config config, Trainer.Options options, int generated, int repeat, boolean knownActs,
                         float actLeaveOut) {
        public Recipe {
            if (generated < 0 || repeat < 1) throw new IllegalArgumentException("bad recipe: generated " + generated + ", repeat " + repeat);
            if (!(actLeaveOut >= 0 && actLeaveOut <= 1)) throw new IllegalArgumentException("bad recipe: act leave-out " + actLeaveOut);
        }

        /**
         * The bundled model's recipe: 15,000 generated titles, hand titles 6 times, 3 epochs,
         * feature dropout 0.3, word dropout {@value #WORD_DROPOUT}, the known-acts lexicon with each title's own
         * acts left out with probability {@value #ACT_LEAVE_OUT} (chosen on the dev set, see docs/TAGGER.md).
         */
        public static Recipe defaults(long seed) {
            return new Recipe(TokenClassifier.Config.defaults(), new Trainer.Options(3, 16, 0.003f, 0f, 0.3f, WORD_DROPOUT, seed), 15_000, 6,
                    true, ACT_LEAVE_OUT);
        }

        /** Probability that training shows a word as never seen (Trainer's word dropout). */
        public static final float WORD_DROPOUT = 0.7f;

        /** With known acts: probability that a title's own act is left out of the lexicon it is trained with. */
        public static final float ACT_LEAVE_OUT = 0.5f;

        public Recipe withGenerated(int n) { return new Recipe(config, options, n, repeat, knownActs, actLeaveOut); }
        public Recipe withOptions(Trainer.Options o) { return new Recipe(config, o, generated, repeat, knownActs, actLeaveOut); }
        public Recipe withKnownActs(boolean on) { return new Recipe(config, options, generated, repeat, on, actLeaveOut); }
        public Recipe withActLeaveOut(float p) { return new Recipe(config, options, generated, repeat, knownActs, p); }

        /** The lexicon a parser of this recipe parses with: every known act, or none. */
        public ArtistLexicon lexicon() { return knownActs ? KnownActs.bundled().lexicon() : ArtistLexicon.EMPTY; }
    }

    /** One held-out real title: the gold labels, the parse before calibration, and its marks. */
    public record Held(LabelledTitle gold, NeuralTitleParser.Decoded parsed, boolean artistOk, boolean titleOk) {
        public boolean right() { return artistOk && titleOk; }
    }

    private ParserTraining() {}

    /** Trains on {@code hand} (repeated) and the recipe's generated titles (generator seed = the options' seed). */
    public static TokenClassifier train(List<LabelledTitle> hand, Recipe r, PrintStream log) {
        return train(hand, TrainingMix.generated(r.options().seed(), r.generated()), r, r.options().seed(), log);
    }

    private static TokenClassifier train(List<LabelledTitle> hand, List<LabelledTitle> generated, Recipe r, long seed, PrintStream log) {
        List<LabelledTitle> mix = new ArrayList<>(hand.size() * r.repeat() + generated.size());
        for (int k = 0; k < r.repeat(); k++) mix.addAll(hand);
        mix.addAll(generated);
        if (!r.knownActs()) return Trainer.train(mix, r.config(), r.options().withSeed(seed), log);
        return Trainer.trainWithLexicon(mix, r.config(), r.options().withSeed(seed), log, KnownActs.bundled().trainingMarks(seed, r.actLeaveOut()));
    }

    /**
     * k-fold cross-validation by title on the real titles of {@code hand} (folds from
     * {@code seed}, as {@link CrossValidation#folds}); titles we wrote and the generated ones are
     * in every training fold. Returns every held-out real title, in fold order.
     */
    public static List<Held> crossValidate(List<LabelledTitle> hand, Recipe r, int k, long seed) {
        List<LabelledTitle> real = new ArrayList<>(), written = new ArrayList<>();
        for (LabelledTitle t : hand) (t.real() ? real : written).add(t);
        if (real.size() < k) throw new IllegalArgumentException(real.size() + " real titles cannot make " + k + " folds");
        List<LabelledTitle> generated = TrainingMix.generated(r.options().seed(), r.generated());
        int[] fold = CrossValidation.folds(real.size(), k, seed);
        List<Held> out = new ArrayList<>(real.size());
        for (int f = 0; f < k; f++) {
            List<LabelledTitle> train = new ArrayList<>(written), test = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) (fold[i] == f ? test : train).add(real.get(i));
            NeuralTitleParser p = new NeuralTitleParser(train(train, generated, r, seed + 1000L * (f + 1), null), Map.of(), r.lexicon());
            for (LabelledTitle t : test) out.add(judge(p, t));
        }
        return out;
    }

    /** Parses {@code t} and marks it against its labels. */
    public static Held judge(NeuralTitleParser p, LabelledTitle t) {
        NeuralTitleParser.Decoded d = p.decode(t.title());
        return new Held(t, d, CrossValidation.same(t.artists(), d.artists()), CrossValidation.same(t.titles(), d.titles()));
    }

    /** The calibration fitted on held-out parses. */
    public static Calibration calibrate(List<Held> held) {
        double[] raw = new double[held.size()];
        boolean[] right = new boolean[held.size()];
        for (int i = 0; i < raw.length; i++) { raw[i] = held.get(i).parsed().risk(); right[i] = held.get(i).right(); }
        return Calibration.fit(raw, right);
    }
}
