package canto.tagger.id3;

/** Why one file could not be read or tagged; the message is one line meant for the user. */
public final class TagException extends Exception {
    private static final long serialVersionUID = 1L;

    public TagException(String message) {
        super(message);
    }

    public TagException(String message, Throwable cause) {
        super(message, cause);
    }
}
