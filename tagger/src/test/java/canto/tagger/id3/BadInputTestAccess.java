package canto.tagger.id3;

/** Lets tests of other packages ask what {@link BadInputTest} knows about the platform. */
public final class BadInputTestAccess {
    private BadInputTestAccess() {}

    public static boolean utf8FileNames() {
        return BadInputTest.utf8FileNames();
    }
}
