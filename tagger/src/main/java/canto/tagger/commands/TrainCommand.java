package canto.tagger.commands;

import canto.tagger.model.DataException;
import canto.tagger.model.ModelFile;
import canto.tagger.model.TokenClassifier;
import canto.tagger.training.LabelledTitle;
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
    static final String USAGE = "usage: tagger train [--data FILE...] [--seed N] [--epochs N] [--out FILE]\n"
            + "  default data: data/tagger/titles-train.tsv and data/tagger/titles-written*.tsv;"
            + " default seed 1; default out title-model.safetensors";

    private TrainCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        long seed = 1;
        Path outFile = Path.of("title-model.safetensors");
        Trainer.Options opt;
        try {
            int epochs = Trainer.Options.defaults(seed).epochs();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--data": i = Args.dataFiles(args, i, files); break;
                    case "--seed": seed = Args.longValue(args, i++); break;
                    case "--epochs": epochs = Args.intValue(args, i++, 1, 100_000); break;
                    case "--out": outFile = Path.of(Args.value(args, i++)); break;
                    case "-h": case "--help": out.println(USAGE); return 0;
                    default: throw new Args.UsageException("unknown argument " + a);
                }
            }
            opt = Trainer.Options.defaults(seed).withEpochs(epochs);
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
            err.println("training on " + data.size() + " titles: " + described);
            TokenClassifier.Config config = TokenClassifier.Config.defaults();
            TokenClassifier model = Trainer.train(data, config, opt, err);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("training_data", described);
            meta.put("seed", Long.toString(opt.seed()));
            meta.put("epochs", Integer.toString(opt.epochs()));
            meta.put("batch_titles", Integer.toString(opt.batchTitles()));
            meta.put("optimizer", "Adam(lr=" + opt.lr() + ", weight_decay=" + opt.weightDecay() + ")");
            meta.put("feature_dropout", Float.toString(opt.featureDropout()));
            meta.put("kernels", canto.engine.kernels.Kernels.get().name());
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
