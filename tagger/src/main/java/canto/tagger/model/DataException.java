package canto.tagger.model;

/** Bad input data or a bad model file; the message is one line naming file, line and field. */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) { super(message); }

    public DataException(String message, Throwable cause) { super(message, cause); }
}
