package canto.tagger.id3;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** One-line, user-facing descriptions of I/O failures. */
public final class IoErrors {
    private IoErrors() {}

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null) return Mp3Reader.oneLine(reason);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : Mp3Reader.oneLine(m);
    }
}
