package canto.tagger.learn;

import canto.engine.kernels.Kernels;
import canto.tagger.model.ModelFile;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.training.LabelledTitle;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds examples to the user's store and trains the user model again from the bundled one on
 * all of them, then saves model and examples (each file atomically: examples first, so that a
 * crash in between leaves examples the next {@code learn} trains on). The model depends only on
 * the stored examples, the settings and the bundled model, never on the model it replaces.
 */
public final class UserModelLearner {
    private UserModelLearner() {}

    /** What one learning did. */
    public record Outcome(int added, int replaced, int total, double seconds) {}

    public static Outcome learn(UserModelStore store, List<LabelledTitle> added, UserModelTrainer.Settings settings, PrintStream log)
            throws IOException {
        List<LabelledTitle> old = ExampleFile.read(store.examples());
        java.util.Set<String> oldTitles = new java.util.HashSet<>();
        for (LabelledTitle t : old) oldTitles.add(t.title());
        int replaced = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LabelledTitle t : added) if (seen.add(t.title()) && oldTitles.contains(t.title())) replaced++;
        List<LabelledTitle> all = ExampleFile.merge(old, added);
        long t0 = System.nanoTime();
        List<LabelledTitle> replay = UserModelTrainer.replayTitles(settings);
        NeuralTitleParser bundled = NeuralTitleParser.loadBundled();
        UserModelTrainer.Trained trained = UserModelTrainer.train(bundled, all, replay, settings, log);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("base_model", "bundled " + NeuralTitleParser.RESOURCE);
        meta.put("training_data", replay.size() + " replayed titles (the bundled written titles"
                + (settings.generated() > 0 ? " + " + settings.generated() + " of TitleGenerator seed " + UserModelTrainer.GENERATOR_SEED : "")
                + ") + " + all.size() + " user examples ("
                + UserModelTrainer.repeats(all.size(), replay.size(), settings.maxRepeats(), settings.weight()) + " times each per epoch)");
        meta.put("seed", Long.toString(settings.seed()));
        meta.put("epochs", Integer.toString(settings.epochs()));
        meta.put("optimizer", "Adam(lr=" + settings.lr() + ")");
        meta.put("feature_dropout", Float.toString(settings.dropout()));
        meta.put("word_dropout", "replayed titles " + settings.replayWords() + ", user examples " + settings.userWords());
        if (settings.sharedStep() != 1f) meta.put("shared_step", Float.toString(settings.sharedStep()));
        if (settings.replayNames()) meta.put("replay_names", "on");
        if (settings.pull() > 0) meta.put("pull_to_base", "L2 " + settings.pull());
        if (settings.decay() > 0) meta.put("decay_to_base", Float.toString(settings.decay()));
        if (settings.hard() != 1) meta.put("hard_examples", "user examples the bundled model parses wrong repeated " + settings.hard() + " times as often");
        if (settings.mix() < 1) meta.put("mix_with_base", settings.mix() + " (weights = base + " + settings.mix() + " x (trained - base))");
        meta.put("kernels", Kernels.get().name());
        // The confidence and review flag work as the bundled model's: its calibration (fitted on
        // its cross-validated parses; the user model trains on from its weights) and threshold.
        for (String k : new String[] {"calibration", "review_below"}) {
            String v = bundled.metadata().get(k);
            if (v != null) meta.put(k, v);
        }
        if (bundled.metadata().containsKey("calibration")) meta.put("calibration_data", "the bundled model's");
        meta.put(NeuralTitleParser.LEXICON_KEY, String.join("\n", trained.lexicon().keys()));
        ExampleFile.write(store.examples(), all);
        ModelFile.save(store.model(), trained.model(), meta);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Outcome(seen.size() - replaced, replaced, all.size(), secs);
    }
}
