package canto.tagger.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the user model lives: {@code $XDG_DATA_HOME/canto/tagger-model.safetensors}
 * ({@code ~/.local/share/canto/...} when XDG_DATA_HOME is unset, empty or not absolute, as the
 * XDG base-directory specification says), with the examples it was learnt from beside it in
 * {@code tagger-examples.tsv}.
 */
public final class UserModelStore {
    public static final String MODEL = "tagger-model.safetensors", EXAMPLES = "tagger-examples.tsv";

    private final Path dir;

    public UserModelStore(Path dir) { this.dir = dir; }

    /** The store of the user whose environment is {@code env} ({@code user.home} when HOME is unset). */
    public static UserModelStore of(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = null;
        try {
            if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) base = Path.of(xdg);
        } catch (InvalidPathException e) {
            base = null;
        }
        if (base == null) {
            String home = env.get("HOME");
            if (home == null || home.isEmpty()) home = System.getProperty("user.home");
            base = Path.of(home, ".local", "share");
        }
        return new UserModelStore(base.resolve("canto"));
    }

    public Path dir() { return dir; }

    public Path model() { return dir.resolve(MODEL); }

    public Path examples() { return dir.resolve(EXAMPLES); }

    public boolean hasModel() { return Files.isRegularFile(model()); }

    /** Deletes the model and its examples; returns the files that were there. */
    public List<Path> forget() throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path p : List.of(model(), examples())) if (Files.deleteIfExists(p)) removed.add(p);
        return removed;
    }
}
