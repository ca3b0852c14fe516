package canto.tagger.id3;

import java.util.List;

/**
 * What happened to one file.
 *
 * @param status what was done
 * @param artist the TPE1 text written (or that would be / already is), null when TPE1 was left alone
 * @param title  the TIT2 text, likewise
 * @param notes  remarks (e.g. "converted ID3v2.4 to ID3v2.3")
 * @param error  the one-line reason when {@code status} is FAILED, else null
 */
public record TagResult(Status status, String artist, String title, List<String> notes, String error) {
    /** What was done to a file. */
    public enum Status {
        /** The new tag was written. */
        TAGGED,
        /** Dry run: the new tag would have been written. */
        WOULD_TAG,
        /** The file already held these tags; it was not rewritten. */
        UNCHANGED,
        /** Neither artist nor title was found; the file was not touched. */
        SKIPPED,
        /** Something went wrong; the file was not changed. */
        FAILED
    }

    public TagResult {
        notes = List.copyOf(notes);
    }

    static TagResult failed(String error) {
        return new TagResult(Status.FAILED, null, null, List.of(), error);
    }
}
