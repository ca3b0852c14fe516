package canto.tagger.id3;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The artist (TPE1) and title (TIT2) texts an MP3 file's ID3v2 tag holds, read with the same
 * checks as before tagging ({@link Mp3Reader}). Several values of one frame (ID3v2.4) stay
 * separated by NUL. Null when the frame is missing, appears twice or cannot be decoded.
 */
public record TagTexts(String artist, String title) {
    /** Reads {@code file}; every failure is a {@link TagException} with a one-line reason. */
    public static TagTexts read(Path file) throws TagException {
        try {
            Mp3Facts facts = Mp3Reader.read(file.toRealPath());
            return new TagTexts(facts.text("TPE1"), facts.text("TIT2"));
        } catch (IOException e) {
            throw new TagException(IoErrors.describe(e));
        } catch (InvalidPathException e) {
            throw new TagException("file name cannot be used (" + Mp3Reader.oneLine(e.getMessage()) + ")");
        } catch (RuntimeException | StackOverflowError e) {
            throw new TagException("unexpected error (" + Mp3Reader.describe(e) + ")");
        }
    }
}
