package canto.tagger.model;

import java.util.List;

/**
 * What the parser found in one title: the artist pieces and song-title pieces in title order;
 * {@code confidence}, the parser's probability in [0, 1] that the whole parse (every artist and
 * title piece) is right, calibrated on held-out titles (NaN when the parser has none); and
 * {@code review}, true when that confidence is below the parser's review threshold or no
 * artist or no title was found (a person should look before the tags are trusted).
 */
public record ParsedTitle(String input, List<String> artists, List<String> titles, double confidence, boolean review) {
    public ParsedTitle {
        artists = List.copyOf(artists);
        titles = List.copyOf(titles);
    }

    /** A parse nobody flagged for review. */
    public ParsedTitle(String input, List<String> artists, List<String> titles, double confidence) {
        this(input, artists, titles, confidence, false);
    }

    /** The text written to TPE1: the artist pieces joined with " / " (empty when none). */
    public String artist() { return String.join(" / ", artists); }

    /** The text written to TIT2: the title pieces joined with " / " (empty when none). */
    public String title() { return String.join(" / ", titles); }
}
