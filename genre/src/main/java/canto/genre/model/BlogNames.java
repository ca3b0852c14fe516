package canto.genre.model;

import canto.genre.train.Experiment;

/**
 * The names the blog post's PyTorch classes give our parameters, so that a saved model loads
 * into them with {@code load_state_dict(strict=True)}.
 *
 * <p>canto names parameters by module path ({@link GenreModels}); the post's classes hold the
 * same layers under their own attribute names:
 * <ul>
 *   <li>{@code TextClassificationModel} (experiment 1): {@code embedding}, {@code fc}; the
 *       flatten is a function call. {@code 0.weight -> embedding.weight},
 *       {@code 2.* -> fc.*}.</li>
 *   <li>{@code EngFeaturesClassModel} (experiment 2): one {@code pipeline} Sequential whose
 *       index 0 is parameter-free (a flatten), so our Sequential's index k is its k + 1:
 *       {@code 0.* -> pipeline.1.*} ... {@code 12.* -> pipeline.13.*}.</li>
 *   <li>{@code CombinedNet} (experiment 3): {@code lyric_pipeline} (same indices as our
 *       {@code lyrics_pipeline}), {@code feature_pipeline} (also led by a flatten: k -> k + 1)
 *       and {@code combine_model} (our {@code combined_pipeline}).</li>
 * </ul>
 * The ngrams model is ours and already uses the names of its PyTorch class
 * ({@code genre/src/test/python/rescore.py}): {@code embedding.weight}, {@code fc.*}, ...
 */
public final class BlogNames {
    private BlogNames() {}

    /** The blog's name for canto's parameter {@code name} of experiment {@code e}. */
    public static String of(Experiment e, String name) {
        switch (e) {
            case LYRICS:
                if (name.startsWith("0.")) return "embedding." + name.substring(2);
                if (name.startsWith("2.")) return "fc." + name.substring(2);
                break;
            case FEATURES:
                return "pipeline." + shifted(name, 1);
            case COMBINED:
                if (name.startsWith(GenreModels.LYRICS_BRANCH + ".")) return "lyric_pipeline." + rest(name);
                if (name.startsWith(GenreModels.FEATURE_BRANCH + ".")) return "feature_pipeline." + shifted(rest(name), 1);
                if (name.startsWith(GenreModels.HEAD + ".")) return "combine_model." + rest(name);
                break;
            default:
                return name;
        }
        throw new IllegalArgumentException("no blog name for parameter '" + name + "' of experiment " + e.id());
    }

    private static String rest(String name) { return name.substring(name.indexOf('.') + 1); }

    /** {@code "k.weight"} with k increased by {@code by}. */
    private static String shifted(String name, int by) {
        int dot = name.indexOf('.');
        return (Integer.parseInt(name.substring(0, dot)) + by) + name.substring(dot);
    }
}
