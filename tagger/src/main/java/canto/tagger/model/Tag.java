package canto.tagger.model;

/**
 * The label the model gives a token, begin / inside style: a piece (an artist or a song title)
 * starts at a {@code B_} tag and goes on over the {@code I_} tags of its kind, so two singers
 * side by side are two pieces ({@code B_ARTIST B_ARTIST}). Ordinals are the model's class ids.
 */
public enum Tag {
    OTHER(TokenLabel.OTHER, false),
    B_ARTIST(TokenLabel.ARTIST, true),
    I_ARTIST(TokenLabel.ARTIST, false),
    B_TITLE(TokenLabel.TITLE, true),
    I_TITLE(TokenLabel.TITLE, false);

    private static final Tag[] VALUES = values();
    public static final int COUNT = VALUES.length;

    private final TokenLabel label;
    private final boolean begins;

    Tag(TokenLabel label, boolean begins) {
        this.label = label;
        this.begins = begins;
    }

    /** What the token is part of. */
    public TokenLabel label() { return label; }

    /** True when the token starts a piece. */
    public boolean begins() { return begins; }

    public static Tag of(int id) { return VALUES[id]; }

    /** The begin ({@code begin}) or inside tag of {@code label}; {@link #OTHER} for {@link TokenLabel#OTHER}. */
    public static Tag of(TokenLabel label, boolean begin) {
        switch (label) {
            case ARTIST: return begin ? B_ARTIST : I_ARTIST;
            case TITLE: return begin ? B_TITLE : I_TITLE;
            default: return OTHER;
        }
    }
}
