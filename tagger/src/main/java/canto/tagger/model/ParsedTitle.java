package canto.tagger.model;

import java.util.List;

/**
 * What the parser found in one title: the artist pieces and song-title pieces in title order,
 * and a confidence in [0, 1] (the mean probability of the chosen token labels).
 */
public record ParsedTitle(String input, List<String> artists, List<String> titles, double confidence) {
    public ParsedTitle {
        artists = List.copyOf(artists);
        titles = List.copyOf(titles);
    }

    /** The text written to TPE1: the artist pieces joined with " / " (empty when none). */
    public String artist() { return String.join(" / ", artists); }

    /** The text written to TIT2: the title pieces joined with " / " (empty when none). */
    public String title() { return String.join(" / ", titles); }
}
