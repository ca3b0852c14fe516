package canto.tagger.id3;

/** What happens to the pictures (APIC frames) of a file we tag ({@code --cover}). */
public enum CoverPolicy {
    /** Left as they are (the default). */
    KEEP,
    /** The front cover re-encoded as a square baseline JPEG of {@code --cover-size} pixels, which car stereos show. */
    CAR,
    /** Every picture removed. */
    STRIP
}
