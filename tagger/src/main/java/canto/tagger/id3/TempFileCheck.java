package canto.tagger.id3;

import java.io.IOException;
import java.nio.file.Path;

/** Checks a written temporary file before it replaces the original; throws when it must not. */
@FunctionalInterface
interface TempFileCheck {
    void check(Path temp, WriteIntent intent) throws IOException, TagException;
}
