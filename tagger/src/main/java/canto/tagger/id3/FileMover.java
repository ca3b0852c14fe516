package canto.tagger.id3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts the checked temporary file in the original's place. */
@FunctionalInterface
interface FileMover {
    void move(Path temp, Path target) throws IOException;

    /** One atomic rename over the original: readers see the old file or the new one, never a mix. */
    FileMover ATOMIC = (temp, target) ->
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
}
