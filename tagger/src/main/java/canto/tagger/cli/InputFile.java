package canto.tagger.cli;

import java.nio.file.Path;

/**
 * One file to tag, or a path that could not be used.
 *
 * @param shown the path as the user gave it or as found under a folder they gave
 * @param path  the path to tag; null when {@code error} is set
 * @param error why this path cannot be tagged, or null
 */
public record InputFile(String shown, Path path, String error) {
    static InputFile ok(Path path) {
        return new InputFile(path.toString(), path, null);
    }

    static InputFile failed(String shown, String error) {
        return new InputFile(shown, null, error);
    }
}
