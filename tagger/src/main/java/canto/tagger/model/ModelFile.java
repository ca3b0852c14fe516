package canto.tagger.model;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a trained {@link TokenClassifier} as safetensors with everything needed to rebuild it in {@code __metadata__}. */
public final class ModelFile {
    public static final String FORMAT = "canto-tagger-title-parser/1";

    private ModelFile() {}

    /** Saves atomically; {@code extra} (training options, data) is added to the metadata. */
    public static void save(Path file, TokenClassifier model, Map<String, String> extra) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.putAll(model.config().toMetadata());
        meta.putAll(extra);
        SafeTensors.save(file, Parameters.of(model), meta);
    }
}
