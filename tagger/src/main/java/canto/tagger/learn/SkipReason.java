package canto.tagger.learn;

/** Why a tagged file (or an edited plan row) did not become a labelled example. */
public enum SkipReason {
    NOT_READABLE("not a readable MP3"),
    NO_TAGS("no TPE1 (artist) or no TIT2 (title) tag"),
    WHOLE_TITLE("TIT2 is the whole video title (as yt-dlp writes it), not a song title"),
    ARTIST_NOT_IN_NAME("an artist of TPE1 does not occur in the file name (e.g. the channel's name)"),
    TITLE_NOT_IN_NAME("a song title of TIT2 does not occur in the file name"),
    NOT_ON_TOKENS("a tag occurs only inside a longer word of the file name"),
    OVERLAP("the artist and title tags cover the same part of the file name"),
    ODD_NAME("the file name holds a tab or a line break, or a tag holds ' | '");

    private final String why;

    SkipReason(String why) { this.why = why; }

    /** What happened, in words. */
    public String why() { return why; }
}
