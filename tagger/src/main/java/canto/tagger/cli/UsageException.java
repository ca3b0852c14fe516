package canto.tagger.cli;

/** A command line we cannot run; the message is one line, shown with a hint to use --help (exit code 2). */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
