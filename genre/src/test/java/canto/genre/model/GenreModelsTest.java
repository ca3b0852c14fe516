package canto.genre.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import canto.engine.nn.Parameter;
import canto.engine.nn.Parameters;
import canto.engine.nn.Sequential;
import canto.engine.nn.TwoBranch;
import canto.engine.nn.Workspace;
import canto.engine.tensor.Tensor;
import canto.engine.util.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenreModelsTest {

    private static Map<String, List<Integer>> shapes(Parameters ps) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : ps.named().entrySet()) {
            int[] s = e.getValue().shape();
            Integer[] boxed = new Integer[s.length];
            for (int i = 0; i < s.length; i++) boxed[i] = s[i];
            m.put(e.getKey(), List.of(boxed));
        }
        return m;
    }

    @Test
    void lyricsModelHasThePublishedLayersAndNames() {
        Sequential model = GenreModels.lyrics(11, new Rng(1));
        Map<String, List<Integer>> s = shapes(Parameters.of(model));
        assertEquals(List.of("0.weight", "2.weight", "2.bias"), List.copyOf(s.keySet()));
        assertEquals(List.of(11, 4), s.get("0.weight"));
        assertEquals(List.of(7, 400), s.get("2.weight"));
        float[] ids = new float[2 * 100];
        for (int i = 0; i < ids.length; i++) ids[i] = i % 11;
        Tensor y = model.forward(new Workspace(), new Tensor(ids, 0, 2, 100));
        assertArrayEquals(new int[] {2, 7}, y.shape());
    }

    @Test
    void featuresModelHasThePublishedLayersAndNames() {
        Sequential model = GenreModels.features(new Rng(2));
        Map<String, List<Integer>> s = shapes(Parameters.of(model));
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias",
                "9.weight", "9.bias", "12.weight", "12.bias"), List.copyOf(s.keySet()));
        assertEquals(List.of(128, 22), s.get("0.weight"));
        assertEquals(List.of(64, 128), s.get("3.weight"));
        assertEquals(List.of(32, 64), s.get("6.weight"));
        assertEquals(List.of(16, 32), s.get("9.weight"));
        assertEquals(List.of(7, 16), s.get("12.weight"));
        assertArrayEquals(new int[] {3, 7}, model.forward(new Workspace(), Tensor.zeros(3, 22)).shape());
    }

    @Test
    void combinedModelHasThePublishedLayersAndNames() {
        TwoBranch model = GenreModels.combined(9, new Rng(3));
        Map<String, List<Integer>> s = shapes(Parameters.of(model));
        assertEquals(List.of(
                "lyrics_pipeline.0.weight", "lyrics_pipeline.3.weight", "lyrics_pipeline.3.bias",
                "feature_pipeline.0.weight", "feature_pipeline.0.bias", "feature_pipeline.3.weight", "feature_pipeline.3.bias",
                "feature_pipeline.6.weight", "feature_pipeline.6.bias", "feature_pipeline.9.weight", "feature_pipeline.9.bias",
                "combined_pipeline.0.weight", "combined_pipeline.0.bias", "combined_pipeline.1.weight", "combined_pipeline.1.bias",
                "combined_pipeline.2.weight", "combined_pipeline.2.bias", "combined_pipeline.3.weight", "combined_pipeline.3.bias"),
                List.copyOf(s.keySet()));
        assertEquals(List.of(9, 3), s.get("lyrics_pipeline.0.weight"));
        assertEquals(List.of(7, 300), s.get("lyrics_pipeline.3.weight"));
        assertEquals(List.of(512, 22), s.get("feature_pipeline.0.weight"));
        assertEquals(List.of(128, 512), s.get("feature_pipeline.3.weight"));
        assertEquals(List.of(32, 128), s.get("feature_pipeline.6.weight"));
        assertEquals(List.of(7, 32), s.get("feature_pipeline.9.weight"));
        assertEquals(List.of(512, 14), s.get("combined_pipeline.0.weight"));
        assertEquals(List.of(256, 512), s.get("combined_pipeline.1.weight"));
        assertEquals(List.of(64, 256), s.get("combined_pipeline.2.weight"));
        assertEquals(List.of(7, 64), s.get("combined_pipeline.3.weight"));
        Tensor y = model.forward(new Workspace(), Tensor.zeros(4, 100), Tensor.zeros(4, 22));
        assertArrayEquals(new int[] {4, 7}, y.shape());
    }
}
