package canto.tagger.plan;

/** A plan file that cannot be read or used; the message is one line naming the file and line. */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
