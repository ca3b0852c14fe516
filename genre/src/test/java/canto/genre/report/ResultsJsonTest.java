package canto.genre.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import canto.engine.io.Json;
import canto.genre.train.EpochResult;
import canto.genre.train.Experiment;
import canto.genre.train.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {
    @Test
    @SuppressWarnings("unchecked")
    void listOfRunsWithTheSpecifiedKeys() {
        RunResult a = new RunResult(Experiment.LYRICS, 1, "data/genre/a \"b\".csv", 28372, "simd", "Eclipse Adoptium 25",
                List.of(new EpochResult(1, 1.9, 0.2, 0.21, 0.41), new EpochResult(2, 1.5, 0.4, 0.25, 0.39)));
        RunResult b = new RunResult(Experiment.FEATURES, 2, "f.csv", 1000, "scalar", "x", List.of(new EpochResult(1, Double.NaN, 0.5, 0.3, 1.0)));
        List<Object> runs = (List<Object>) Json.parse(ResultsJson.format(List.of(a, b)));
        assertEquals(2, runs.size());
        Map<String, Object> r = (Map<String, Object>) runs.get(0);
        assertEquals(List.of("experiment", "seed", "data_file", "rows", "kernels", "jdk", "train_accuracy", "val_accuracy", "epochs"),
                List.copyOf(r.keySet()));
        assertEquals("lyrics", r.get("experiment"));
        assertEquals(1L, r.get("seed"));
        assertEquals("data/genre/a \"b\".csv", r.get("data_file"));
        assertEquals(28372L, r.get("rows"));
        assertEquals("simd", r.get("kernels"));
        assertEquals(0.4, r.get("train_accuracy"));     // the last epoch's
        assertEquals(0.25, r.get("val_accuracy"));
        List<Object> epochs = (List<Object>) r.get("epochs");
        assertEquals(2, epochs.size());
        Map<String, Object> e1 = (Map<String, Object>) epochs.get(0);
        assertEquals(List.of("epoch", "loss", "train_accuracy", "val_accuracy", "seconds"), List.copyOf(e1.keySet()));
        assertEquals(1L, e1.get("epoch"));
        assertEquals(1.9, e1.get("loss"));
        assertEquals(0.41, e1.get("seconds"));
        Map<String, Object> e2 = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) runs.get(1)).get("epochs")).get(0);
        assertNull(e2.get("loss"));                          // NaN is written as null
        assertEquals(1.0, e2.get("seconds"));
    }

    @Test
    void noRunsIsAnEmptyList() {
        assertEquals(List.of(), Json.parse(ResultsJson.format(List.of())));
    }
}
