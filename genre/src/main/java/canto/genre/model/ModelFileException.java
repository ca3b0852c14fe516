package canto.genre.model;

/** A model folder that cannot be used; the message is one line naming the file and the problem. */
public final class ModelFileException extends Exception {
    public ModelFileException(String message) { super(message); }
}
