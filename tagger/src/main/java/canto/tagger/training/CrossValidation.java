package canto.tagger.training;

import canto.engine.util.Rng;
import canto.tagger.model.ParsedTitle;
import canto.tagger.model.Pieces;
import canto.tagger.model.TitleParser;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation by title: the real titles are shuffled with a seeded {@link Rng} and
 * dealt into k folds; each fold is parsed by a parser trained on the other folds plus every
 * title we wrote (those are never tested). Scores are per title: artist pieces exact, title
 * pieces exact, both exact — pieces compared in order after whitespace normalisation.
 */
public final class CrossValidation {
    /** Trains a parser on some titles. */
    public interface Method {
        TitleParser train(List<LabelledTitle> train, long seed);
    }

    /** Counts over the tested titles. */
    public record Score(int titles, int artistExact, int titleExact, int bothExact) {
        public Score plus(Score o) {
            return new Score(titles + o.titles, artistExact + o.artistExact, titleExact + o.titleExact, bothExact + o.bothExact);
        }

        public double artist() { return 100.0 * artistExact / titles; }
        public double title() { return 100.0 * titleExact / titles; }
        public double both() { return 100.0 * bothExact / titles; }
    }

    /** One tested title: the gold labels and what the parser said. */
    public record Outcome(LabelledTitle gold, ParsedTitle parsed, boolean artistOk, boolean titleOk) {}

    private CrossValidation() {}

    /** {@code fold[i]} of real title i (in {@code real} order). */
    public static int[] folds(int realCount, int k, long seed) {
        if (k < 2 || k > realCount) throw new IllegalArgumentException("folds must be in [2, " + realCount + "]: " + k);
        int[] order = new int[realCount];
        for (int i = 0; i < realCount; i++) order[i] = i;
        new Rng(seed).shuffle(order);
        int[] fold = new int[realCount];
        for (int p = 0; p < realCount; p++) fold[order[p]] = p % k;
        return fold;
    }

    /** Runs the folds; every outcome is appended to {@code outcomes} when it is not null. */
    public static Score run(List<LabelledTitle> data, int k, long seed, Method method, List<Outcome> outcomes) {
        List<LabelledTitle> real = new ArrayList<>(), written = new ArrayList<>();
        for (LabelledTitle t : data) (t.real() ? real : written).add(t);
        if (real.isEmpty()) throw new IllegalArgumentException("no real titles to test on");
        int[] fold = folds(real.size(), k, seed);
        Score total = new Score(0, 0, 0, 0);
        for (int f = 0; f < k; f++) {
            List<LabelledTitle> train = new ArrayList<>(written), test = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) (fold[i] == f ? test : train).add(real.get(i));
            TitleParser parser = method.train(train, seed + 1000L * (f + 1));
            for (LabelledTitle t : test) {
                Outcome o = judge(t, parser.parse(t.title()));
                if (outcomes != null) outcomes.add(o);
                total = total.plus(new Score(1, o.artistOk ? 1 : 0, o.titleOk ? 1 : 0, o.artistOk && o.titleOk ? 1 : 0));
            }
        }
        return total;
    }

    public static Outcome judge(LabelledTitle gold, ParsedTitle parsed) {
        return new Outcome(gold, parsed, same(gold.artists(), parsed.artists()), same(gold.titles(), parsed.titles()));
    }

    /** Equal piece lists, in order, after whitespace normalisation. */
    public static boolean same(List<String> gold, List<String> got) {
        if (gold.size() != got.size()) return false;
        for (int i = 0; i < gold.size(); i++) {
            if (!Pieces.normaliseSpace(gold.get(i)).equals(Pieces.normaliseSpace(got.get(i)))) return false;
        }
        return true;
    }
}
