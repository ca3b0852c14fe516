package canto.genre.train;

import canto.engine.kernels.Kernels;
import canto.engine.nn.Parameter;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import canto.genre.data.NgramBags;
import canto.genre.data.NgramHasher;
import canto.genre.data.SongTable;
import canto.genre.data.TokenizedLyrics;
import canto.genre.data.TrainValidationSplit;
import canto.genre.model.GenreModels;
import canto.genre.model.NgramModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --experiment ngrams}: the same split as the published experiments (same seed, same
 * rows), TF-IDF from the training songs only, the {@link NgramModel} trained with sparse SGD
 * (or SparseAdam) on its table and Adam on its dense layers, mean cross-entropy, training rows
 * reshuffled every epoch; with {@code ensemble} K > 1, K such models trained side by side, epoch
 * by epoch, and scored by their averaged logits ({@link NgramEnsemble}). Draws from
 * {@code new Rng(seed)}: split, weights, shuffles, then (hold-out mode only) the hold-out part
 * of the training split, then (K > 1 only) one stream from which members 1 .. K-1 draw their
 * weights and shuffles in turn.
 */
public final class NgramExperiment {
    private NgramExperiment() {}

    public static TrainedRun run(SongTable table, TokenizedLyrics lyrics, long seed, int epochs, int batchSize,
                                 NgramSettings s, EpochListener listener) {
        Rng master = new Rng(seed);
        TrainValidationSplit split = TrainValidationSplit.shuffled(table.rows(), master.split());
        Rng init = master.split();
        Rng shuffle = master.split();
        int[] train = split.train(), validation = split.validation();
        if (s.holdout()) {
            int[] t = train.clone();
            master.split().shuffle(t);
            int held = TrainValidationSplit.validationSize(t.length);
            validation = Arrays.copyOfRange(t, 0, held);
            train = Arrays.copyOfRange(t, held, t.length);
        }
        NgramHasher hasher = s.features().hasher(s.buckets(), s.order());
        int rows = hasher.rows();   // B word/bigram buckets + C character n-gram buckets
        NgramBags.Counts counts = NgramBags.count(lyrics, hasher);
        float[] idf = NgramBags.idf(counts, train, s.minDf());
        if (s.klWeight() > 0) idf = NgramBags.klWeighted(counts, idf, train, table.labels(), GenreModels.CLASSES, s.klWeight());
        if (s.features().weighsKinds()) idf = NgramBags.groupWeighted(idf, lyrics, train, hasher, s.features().bigramWeight(), s.features().charWeight());
        NgramBags bags = NgramBags.weigh(counts, idf, s.pooling());
        NaiveBayesPrior prior = s.nbPrior() > 0 ? NaiveBayesPrior.fit(bags, rows, train, table.labels(), GenreModels.CLASSES, s.nbAlpha(), s.nbPrior()) : null;
        float[] priorLogits = prior != null ? prior.logits(bags) : null;
        // member 0 draws from init and shuffle, as a single model does; members 1.. from their own streams
        Rng more = s.ensemble() > 1 ? master.split() : null;
        int stepsPerEpoch = (train.length + batchSize - 1) / batchSize;
        int steps = epochs * stepsPerEpoch;
        if (s.averageEpochs() > epochs) throw new IllegalArgumentException("cannot average over the last " + s.averageEpochs() + " of " + epochs + " epochs");
        int maxBatch = Math.max(batchSize, Trainer.EVAL_BATCH);
        List<NgramNetwork> members = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        List<Rng> shuffles = new ArrayList<>();
        List<int[]> orders = new ArrayList<>();
        for (int k = 0; k < s.ensemble(); k++) {
            Rng memberInit = k == 0 ? init : more.split();
            shuffles.add(k == 0 ? shuffle : more.split());
            NgramModel member = new NgramModel(new NgramModel.Shape(rows, s.dim(), s.hidden(), s.dropout()), memberInit);
            NgramNetwork network = new NgramNetwork(member, bags);
            if (s.ngramDropout() > 0) network.setItemDropout(s.ngramDropout(), memberInit.split());   // after the weights' draws
            if (priorLogits != null) network.setLogitOffsets(priorLogits);
            if (s.averageEpochs() > 0) network.enableAveraging(steps - s.averageEpochs() * stepsPerEpoch, s.averageEvery(), steps);
            members.add(network);
            Trainer t = new Trainer(network, network.optimizer(s.lr(), s.weightDecay(), s.tableSgdLr(), steps), table.labels(), maxBatch);
            t.setLabelSmoothing(s.labelSmoothing());
            trainers.add(t);
            orders.add(train.clone());
        }
        NgramEnsemble ensemble = new NgramEnsemble(members);
        Trainer scorer = new Trainer(ensemble, null, table.labels(), maxBatch);
        for (Trainer t : trainers) t.zeroGrad();
        List<EpochResult> epochResults = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double loss = 0, trainAccuracy = 0, seconds = 0;
            for (int k = 0; k < members.size(); k++) {   // the members' running figures averaged, their seconds summed
                EpochResult r = trainers.get(k).trainEpoch(orders.get(k), epoch, batchSize, shuffles.get(k), listener);
                loss += r.loss() / members.size();
                trainAccuracy += r.trainAccuracy() / members.size();
                seconds += r.seconds();
            }
            if (epoch == epochs && s.averageEpochs() > 0) {   // the last epoch is scored (and saved) with the averaged weights
                long t0 = System.nanoTime();
                for (NgramNetwork m : members) m.useAverage();
                seconds += (System.nanoTime() - t0) / 1e9;
            }
            EpochResult r = new EpochResult(epoch, loss, trainAccuracy, scorer.accuracy(validation), seconds);
            epochResults.add(r);
            listener.epochDone(r);
        }
        int[][] confusion = scorer.confusion(validation, GenreModels.CLASSES);
        ensemble.setTraining(false);                 // every member's lazy decay caught up
        NgramModel model = prior != null ? prior.fold(ensemble.merged()) : ensemble.merged();
        RunResult result = new RunResult(Experiment.NGRAMS, seed, table.file(), table.rows(), Kernels.get().name(),
                ExperimentRunner.jdk(), epochResults, confusion);

        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : model.named().entrySet()) state.put(p.getKey(), p.getValue().value());
        state.put("idf", new Tensor(idf, 0, idf.length));
        Map<String, String> config = ExperimentRunner.config(Experiment.NGRAMS, seed, table);
        config.put("buckets", Integer.toString(s.buckets()));
        config.put("char_buckets", Integer.toString(s.features().charBuckets()));
        if (s.features().hasCharNgrams()) config.put("char_ngrams", s.features().charMin() + "-" + s.features().charMax());
        config.put("bigram_weight", Double.toString(s.features().bigramWeight()));
        config.put("char_weight", Double.toString(s.features().charWeight()));
        config.put("dim", Integer.toString(model.shape().dim()));
        config.put("hidden", Integer.toString(model.shape().hidden()));
        config.put("ensemble", s.ensemble() + " models of dim " + s.dim() + ", hidden " + s.hidden() + ", logits averaged (saved merged: dim and hidden are the merged widths)");
        config.put("dropout", Float.toString(s.dropout()));
        config.put("pooling", s.pooling().id());
        config.put("lr", Double.toString(s.lr()));
        config.put("table_optimizer", s.tableSgdLr() > 0 ? "sgd lr " + s.tableSgdLr() + " falling linearly to 0" : "sparse_adam");
        config.put("weight_decay", Double.toString(s.weightDecay()));
        config.put("min_df", Integer.toString(s.minDf()));
        config.put("epochs", Integer.toString(epochs));
        config.put("batch", Integer.toString(batchSize));
        config.put("ngram_order", Integer.toString(s.order()));
        config.put("label_smoothing", Double.toString(s.labelSmoothing()));
        config.put("ngram_dropout", Double.toString(s.ngramDropout()));
        config.put("hashing", "word: crc32(utf8) mod buckets; bigram: ((crc32(a) * 116049371 + crc32(b)) mod 2^32) mod buckets"
                + (s.order() >= 3 ? "; trigram: ((g(a, b) * 116049371 + crc32(c)) mod 2^32) mod buckets, g(a, b) = (crc32(a) * 116049371 + crc32(b)) mod 2^32" : "")
                + (s.order() == 1 ? " (order 1: words only)" : "")
                + (s.features().hasCharNgrams() ? "; char n-gram: buckets + crc32(utf8(g)) mod char_buckets for every substring g of '<' + word + '>' of char_ngrams code points" : ""));
        config.put("kl_weight", Double.toString(s.klWeight()));
        config.put("idf_buffer", (s.klWeight() > 0 ? "smooth idf times KL(genre mix of the bucket's training songs || all training songs)^" + s.klWeight() : "smooth idf")
                + (s.features().weighsKinds() ? ", times bigram_weight on buckets no training word hashes to and char_weight on char n-gram buckets" : ""));
        config.put("averaging", s.averageEpochs() > 0 ? "mean of " + members.get(0).snapshots() + " snapshots, every " + s.averageEvery() + " steps over the last " + s.averageEpochs() + " epoch(s)" : "off");
        config.put("nb_prior", s.nbPrior() > 0 ? "scale " + s.nbPrior() + ", alpha " + s.nbAlpha() + ": the last " + GenreModels.CLASSES + " table columns and fc's identity on them" : "off");
        config.put("holdout", Boolean.toString(s.holdout()));
        config.put("train_accuracy_eval", Double.toString(scorer.accuracy(train)));
        config.put("val_accuracy", Double.toString(result.valAccuracy()));
        return new TrainedRun(result, model, null, train, validation, state, config);
    }
}
