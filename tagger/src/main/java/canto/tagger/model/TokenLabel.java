package canto.tagger.model;

/** The class of a token: part of an artist name, part of the song title, or anything else. Ordinals are the model's class ids. */
public enum TokenLabel {
    OTHER, ARTIST, TITLE;

    private static final TokenLabel[] VALUES = values();

    public static TokenLabel of(int id) { return VALUES[id]; }
}
