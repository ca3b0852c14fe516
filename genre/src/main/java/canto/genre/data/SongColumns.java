package canto.genre.data;

import java.util.List;

/**
 * Column names of {@code tcc_ceds_music.csv} that the experiments read. Columns are always
 * found by these names, never by position.
 *
 * <p>The 22 engineered features are the 16 theme scores and the 6 audio features, in the
 * file's order. {@code len} (a word count) and {@code age} (a rescaled year) are numeric too
 * but are not among them: 16 + 6 = 22, and with them there would be 24. {@code topic} is a
 * category name.
 */
public final class SongColumns {
    public static final String GENRE = "genre";
    public static final String LYRICS = "lyrics";

    /** The 16 theme scores. */
    public static final List<String> THEMES = List.of(
            "dating", "violence", "world/life", "night/time", "shake the audience", "family/gospel",
            "romantic", "communication", "obscene", "music", "movement/places",
            "light/visual perceptions", "family/spiritual", "like/girls", "sadness", "feelings");

    /** The 6 audio features. */
    public static final List<String> AUDIO = List.of(
            "danceability", "loudness", "acousticness", "instrumentalness", "valence", "energy");

    /** The 22 feature columns, in this order in every feature matrix. */
    public static final List<String> FEATURES = concat(THEMES, AUDIO);

    private SongColumns() {}

    private static List<String> concat(List<String> a, List<String> b) {
        String[] all = new String[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) all[i] = a.get(i);
        for (int i = 0; i < b.size(); i++) all[a.size() + i] = b.get(i);
        return List.of(all);
    }
}
