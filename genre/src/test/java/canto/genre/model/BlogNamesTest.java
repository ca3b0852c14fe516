package canto.genre.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.engine.nn.Parameters;
import canto.engine.nn.Trainable;
import canto.engine.util.Rng;
import canto.genre.train.Experiment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The saved names are those of the blog's classes, written out here by hand. */
class BlogNamesTest {
    private static List<String> blogNames(Experiment e, Trainable model) {
        List<String> names = new ArrayList<>();
        for (String n : Parameters.of(model).named().keySet()) names.add(BlogNames.of(e, n));
        return names;
    }

    @Test
    void textClassificationModel() {
        assertEquals(List.of("embedding.weight", "fc.weight", "fc.bias"), blogNames(Experiment.LYRICS, GenreModels.lyrics(11, new Rng(1))));
    }

    @Test
    void engFeaturesClassModel() {
        assertEquals(List.of("pipeline.1.weight", "pipeline.1.bias", "pipeline.4.weight", "pipeline.4.bias",
                "pipeline.7.weight", "pipeline.7.bias", "pipeline.10.weight", "pipeline.10.bias",
                "pipeline.13.weight", "pipeline.13.bias"), blogNames(Experiment.FEATURES, GenreModels.features(new Rng(1))));
    }

    @Test
    void combinedNet() {
        assertEquals(List.of("lyric_pipeline.0.weight", "lyric_pipeline.3.weight", "lyric_pipeline.3.bias",
                "feature_pipeline.1.weight", "feature_pipeline.1.bias", "feature_pipeline.4.weight", "feature_pipeline.4.bias",
                "feature_pipeline.7.weight", "feature_pipeline.7.bias", "feature_pipeline.10.weight", "feature_pipeline.10.bias",
                "combine_model.0.weight", "combine_model.0.bias", "combine_model.1.weight", "combine_model.1.bias",
                "combine_model.2.weight", "combine_model.2.bias", "combine_model.3.weight", "combine_model.3.bias"),
                blogNames(Experiment.COMBINED, GenreModels.combined(11, new Rng(1))));
    }
}
