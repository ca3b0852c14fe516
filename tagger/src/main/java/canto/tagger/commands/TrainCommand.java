package canto.tagger.commands;

import canto.tagger.model.DataException;
import canto.tagger.model.ModelFile;
import canto.tagger.model.Calibration;
import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.TokenClassifier;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.ParserTraining;
import canto.tagger.training.Trainer;
import canto.tagger.training.TrainingData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train [--data FILE...] [--seed N] [--epochs N] [--out FILE]}: trains the title parser
 * and saves it as safetensors with its architecture, hyper-parameters, feature version and
 * training data in {@code __metadata__}. Reproducible: same data, seed and kernels give the
 * same bytes. The bundled model is made by
 * {@code java -jar tagger.jar train --seed 1 --out tagger/src/main/resources/canto/tagger/model/title-model.safetensors}.
 */
public final class TrainCommand {
    static final String USAGE = "usage: tagger train [--data FILE...] [--seed N] [--epochs N] [--generated N] [--calibration-folds K] [--[no-]known-acts] [--out FILE]\n"
            + "  default data: data/tagger/titles-train.tsv and data/tagger/titles-written*.tsv, plus " + ParserTraining.Recipe.defaults(1).generated()
            + " generated titles;\n  the confidence is calibrated on K-fold cross-validation of the real titles (default 5; 0: not calibrated);"
            + " default seed 1; default out title-model.safetensors;\n  --known-acts / --no-known-acts: with or without the lexicon feature of every act of the generator's lists (default "
            + (ParserTraining.Recipe.defaults(1).knownActs() ? "with" : "without") + "; docs/TAGGER.md, \"Known acts\")";

    private TrainCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        long seed = 1;
        Path outFile = Path.of("title-model.safetensors");
        ParserTraining.Recipe recipe;
        int calibrationFolds = 5;
        boolean knownActs = ParserTraining.Recipe.defaults(1).knownActs();
        try {
            int epochs = ParserTraining.Recipe.defaults(seed).options().epochs(), generated = ParserTraining.Recipe.defaults(seed).generated();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--data": i = Args.dataFiles(args, i, files); break;
                    case "--seed": seed = Args.longValue(args, i++); break;
                    case "--epochs": epochs = Args.intValue(args, i++, 1, 100_000); break;
                    case "--generated": generated = Args.intValue(args, i++, 0, 1_000_000); break;
                    case "--calibration-folds": calibrationFolds = Args.intValue(args, i++, 0, 1000); break;
                    case "--known-acts": knownActs = true; break;
                    case "--no-known-acts": knownActs = false; break;
                    case "--out": outFile = Path.of(Args.value(args, i++)); break;
                    case "-h": case "--help": out.println(USAGE); return 0;
                    default: throw new Args.UsageException("unknown argument " + a);
                }
            }
            ParserTraining.Recipe d = ParserTraining.Recipe.defaults(seed);
            recipe = d.withOptions(d.options().withEpochs(epochs)).withGenerated(generated).withKnownActs(knownActs);
            if (calibrationFolds == 1) throw new Args.UsageException("--calibration-folds must be 0 or at least 2");
        } catch (Args.UsageException e) {
            err.println("tagger train: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Args.preferScalarKernels();
        Path folder = outFile.toAbsolutePath().getParent();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            err.println("tagger train: cannot write " + outFile + ": folder " + folder + " does not exist");
            return 1;
        }
        try {
            if (files.isEmpty()) files = TrainingData.defaultFiles();
            List<LabelledTitle> data = TrainingData.load(files);
            String described = TrainingData.describe(files, data);
            Trainer.Options opt = recipe.options();
            Calibration calibration = Calibration.IDENTITY;
            if (calibrationFolds > 0) {
                err.println("calibrating: " + calibrationFolds + "-fold cross-validation on the real titles");
                calibration = ParserTraining.calibrate(ParserTraining.crossValidate(data, recipe, calibrationFolds, seed));
            }
            err.println("training on " + data.size() + " titles (each " + recipe.repeat() + " times) + " + recipe.generated()
                    + " generated: " + described);
            TokenClassifier model = ParserTraining.train(data, recipe, err);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("training_data", described + ", each " + recipe.repeat() + " times, + " + recipe.generated()
                    + " generated titles (TitleGenerator seed " + opt.seed() + ")");
            meta.put("calibration", calibration.toMetadata());
            meta.put("calibration_data", calibrationFolds > 0 ? calibrationFolds + "-fold cross-validation on the real titles (seed " + seed + ")" : "none");
            meta.put("seed", Long.toString(opt.seed()));
            meta.put("epochs", Integer.toString(opt.epochs()));
            meta.put("batch_titles", Integer.toString(opt.batchTitles()));
            meta.put("optimizer", "Adam(lr=" + opt.lr() + ", weight_decay=" + opt.weightDecay() + ")");
            meta.put("feature_dropout", Float.toString(opt.featureDropout()));
            meta.put("word_dropout", Float.toString(opt.wordDropout()));
            meta.put("kernels", canto.engine.kernels.Kernels.get().name());
            if (recipe.knownActs()) {
                meta.put("known_acts", "every act of TitleGenerator's lists, " + recipe.lexicon().size() + " names; in training each title's"
                        + " own acts left out with probability " + recipe.actLeaveOut());
                meta.put(NeuralTitleParser.LEXICON_KEY, String.join("\n", recipe.lexicon().keys()));
            }
            try {
                ModelFile.save(outFile, model, meta);
            } catch (IOException e) {
                err.println("tagger train: cannot write " + outFile + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
                return 1;
            }
            out.println("wrote " + outFile);
            return 0;
        } catch (DataException e) {
            err.println("tagger train: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tagger train: " + e.getMessage());
            return 1;
        }
    }
}
