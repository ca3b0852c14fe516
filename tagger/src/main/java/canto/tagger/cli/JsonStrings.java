package canto.tagger.cli;

import canto.engine.io.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * The string members at the top level of one JSON object (what we need of yt-dlp's
 * {@code .info.json}: {@code title}, {@code track}, {@code artist}); other values are skipped.
 * Read with the engine's strict {@link Json} parser: null when the text is not one JSON object.
 */
final class JsonStrings {
    private JsonStrings() {}

    static Map<String, String> read(String json) {
        Object value;
        try {
            value = Json.parse(json);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(value instanceof Map)) return null;
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (e.getValue() instanceof String) out.put((String) e.getKey(), (String) e.getValue());
        }
        return out;
    }
}
