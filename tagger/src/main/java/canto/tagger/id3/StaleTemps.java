package canto.tagger.id3;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes temporary files a tagger run left behind when it was killed or the machine died: the
 * files of our naming ({@code .tagger-*.tmp}) in a folder that no live process holds locked
 * (a writer locks its temporary file for as long as it exists, see {@link SafeReplacer}) and
 * that were not modified in the last minute (a writer that has just created its file and not
 * yet locked it is left alone).
 */
final class StaleTemps {
    static final long MIN_AGE_MILLIS = 60_000;

    private StaleTemps() {}

    /** The names of the files removed from {@code dir}. */
    static List<String> clean(Path dir) {
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, SafeReplacer.TEMP_PREFIX + "*" + SafeReplacer.TEMP_SUFFIX)) {
            for (Path p : s) {
                if (isStale(p)) {
                    try {
                        Files.delete(p);
                        removed.add(p.getFileName().toString());
                    } catch (IOException e) {
                        // another run removed it first, or we may not: leave it
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: the tagging of the file itself will say what is wrong
        }
        return removed;
    }

    private static boolean isStale(Path p) {
        try {
            if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
            FileTime mtime = Files.getLastModifiedTime(p);
            if (System.currentTimeMillis() - mtime.toMillis() < MIN_AGE_MILLIS) return false;
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE);
                 FileLock lock = ch.tryLock()) {
                return lock != null;
            }
        } catch (OverlappingFileLockException e) {
            return false; // held by this JVM: a live writer
        } catch (IOException e) {
            return false;
        }
    }
}
