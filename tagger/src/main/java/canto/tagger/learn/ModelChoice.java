package canto.tagger.learn;

import canto.engine.io.SafeTensorsException;
import canto.tagger.model.DataException;
import canto.tagger.model.NeuralTitleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which model a parsing command uses: {@code --model FILE} when given; else the bundled one
 * with {@code --bundled-model}; else the user model ({@link UserModelStore}) when it exists;
 * else the bundled one. {@link #note()} is the line said once on standard error when the model
 * is not the bundled one.
 */
public final class ModelChoice {
    private final Path file;
    private final boolean user;

    private ModelChoice(Path file, boolean user) {
        this.file = file;
        this.user = user;
    }

    /** The bundled model, whatever else exists. */
    public static final ModelChoice BUNDLED = new ModelChoice(null, false);

    /**
     * @param modelOption  the value of {@code --model}, or null
     * @param bundledModel whether {@code --bundled-model} was given
     */
    public static ModelChoice of(Path modelOption, boolean bundledModel, Map<String, String> env) {
        if (modelOption != null) return new ModelChoice(modelOption, false);
        if (bundledModel) return BUNDLED;
        UserModelStore store = UserModelStore.of(env);
        return store.hasModel() ? new ModelChoice(store.model(), true) : BUNDLED;
    }

    /** The model file, or null for the bundled model. */
    public Path file() { return file; }

    public boolean isUserModel() { return user; }

    /** What to say on standard error before parsing, or null for the bundled model. */
    public String note() {
        if (file == null) return null;
        return user ? "using your model " + file + " (learnt by 'tagger learn'; --bundled-model ignores it)"
                : "using the model " + file;
    }

    /**
     * Loads the parser; every failure is one line naming the file (an {@link IllegalStateException}),
     * saying for the user model how to go on without it.
     */
    public NeuralTitleParser load() {
        if (file == null) return NeuralTitleParser.loadBundled();
        try {
            if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
            return NeuralTitleParser.load(file);
        } catch (IOException | UncheckedIOException | DataException | SafeTensorsException e) {
            String msg = String.valueOf(e.getMessage());
            if (!msg.startsWith(file.toString())) msg = file + ": " + msg;
            throw new IllegalStateException(msg + (user ? " (use --bundled-model, or 'tagger learn --forget' to remove it)" : ""));
        }
    }
}
