package canto.tagger.plan;

import java.time.Instant;

/**
 * One row of a plan: one file, what the tagger would write to it, and how sure it is.
 *
 * @param path            the file, absolute
 * @param artist          the TPE1 text to write (the user may edit it; empty = leave TPE1 as it is)
 * @param title           the TIT2 text to write (likewise)
 * @param confidence      the parser's confidence in [0, 1]
 * @param review          whether the parser asks for this row to be checked by a person
 * @param size            the file's size in bytes when the plan was written
 * @param modified        its last-modified time then
 * @param suggestedArtist what the parser found (never edited: {@code apply} compares with it to see what the user changed)
 * @param suggestedTitle  likewise for the title
 */
public record PlanRow(String path, String artist, String title, double confidence, boolean review, long size,
                      Instant modified, String suggestedArtist, String suggestedTitle) {

    /** True when the user changed the artist or the title of this row (outer whitespace ignored). */
    public boolean edited() {
        return !artist.strip().equals(suggestedArtist.strip()) || !title.strip().equals(suggestedTitle.strip());
    }
}
