package canto.tagger.model;

import canto.engine.io.SafeTensors;
import canto.engine.nn.Parameters;
import canto.engine.util.Rng;
import canto.tagger.features.ArtistLexicon;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.tokens.FileNames;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The title parser the tagger uses: {@link FileNames} strips a file name back to the video
 * title, {@link Tokenizer} cuts it, {@link TokenClassifier} labels every token artist / title /
 * other, {@link LabelRules} mends what breaks the shape of a title (no song found, a song
 * broken by one punctuation mark), {@link Pieces} joins the labels into pieces. The model is a safetensors file; the
 * bundled one is {@value #RESOURCE} in the jar.
 *
 * <p>Thread-safe without locks: parsing runs the trained weights through {@link InferenceNet},
 * which works in per-call arrays, so threads can share one parser.
 */
public final class NeuralTitleParser implements TitleParser {
    /** Class-path location of the bundled model. */
    public static final String RESOURCE = "/canto/tagger/model/title-model.safetensors";

    private final TokenClassifier model;
    private final InferenceNet net;
    private final Map<String, String> metadata;
    private final ArtistLexicon lexicon;

    /** Metadata key of the lexicon's names (one per line); absent in a model without the lexicon feature. */
    public static final String LEXICON_KEY = "lexicon_artists";

    private static ArtistLexicon lexiconOf(Map<String, String> meta) {
        String names = meta.get(LEXICON_KEY);
        return names == null ? ArtistLexicon.EMPTY : ArtistLexicon.ofKeys(java.util.Arrays.asList(names.split("\n")));
    }

    /** The names of the lexicon feature (empty for the bundled model). */
    public ArtistLexicon lexicon() { return lexicon; }

    /** A parser over a trained model; later changes to the model's weights are not seen. */
    public NeuralTitleParser(TokenClassifier model, Map<String, String> metadata) {
        this(model, metadata, lexiconOf(metadata));
    }

    /** A parser whose model uses the lexicon feature with {@code lexicon} (empty: no lexicon feature). */
    public NeuralTitleParser(TokenClassifier model, Map<String, String> metadata, ArtistLexicon lexicon) {
        this.lexicon = lexicon;
        this.model = model;
        this.net = new InferenceNet(model);
        this.metadata = Map.copyOf(metadata);
    }

    /** Loads the model bundled in the jar. */
    public static NeuralTitleParser loadBundled() {
        try {
            return fromContents(SafeTensors.readResource(NeuralTitleParser.class, RESOURCE), "bundled model " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model written by {@code train}. */
    public static NeuralTitleParser load(Path file) throws IOException {
        return fromContents(SafeTensors.read(file), file.toString());
    }

    static NeuralTitleParser fromContents(SafeTensors.Contents contents, String source) {
        Map<String, String> meta = contents.metadata();
        if (!ModelFile.FORMAT.equals(meta.get("format"))) {
            throw new DataException(source + ": not a title-parser model (metadata 'format' is " + meta.get("format") + ")");
        }
        TokenClassifier.Config config = TokenClassifier.Config.fromMetadata(meta, source);
        if (config.featureVersion() != FeatureExtractor.VERSION) {
            throw new DataException(source + ": model uses feature version " + config.featureVersion()
                    + ", this program has version " + FeatureExtractor.VERSION + "; retrain it");
        }
        TokenClassifier model = new TokenClassifier(config, new Rng(0));
        SafeTensors.load(contents, Parameters.of(model), source);
        return new NeuralTitleParser(model, meta);
    }

    /** A trainable copy of this parser's classifier, same weights (the user model trains on from the bundled one). */
    public TokenClassifier trainableCopy() {
        TokenClassifier copy = new TokenClassifier(model.config(), new Rng(0));
        float[] from = Parameters.of(model).values(), to = Parameters.of(copy).values();
        System.arraycopy(from, 0, to, 0, from.length);
        return copy;
    }

    /** The model file's metadata (architecture, hyper-parameters, training data). */
    public Map<String, String> metadata() { return metadata; }

    @Override
    public ParsedTitle parse(String titleOrFileName) {
        String title = FileNames.toTitle(titleOrFileName);
        List<Token> tokens = Tokenizer.tokenize(title);
        int n = tokens.size();
        if (n == 0) return new ParsedTitle(titleOrFileName, List.of(), List.of(), 0);
        float[] probs = probabilities(tokens);
        int[] labels = new int[n];
        double confidence = 0;
        for (int t = 0; t < n; t++) {
            int best = 0;
            for (int c = 1; c < 3; c++) if (probs[t * 3 + c] > probs[t * 3 + best]) best = c;
            labels[t] = best;
            confidence += probs[t * 3 + best];
        }
        LabelRules.apply(tokens, labels, probs);
        return new ParsedTitle(titleOrFileName, Pieces.of(title, tokens, labels, TokenLabel.ARTIST),
                Pieces.of(title, tokens, labels, TokenLabel.TITLE), confidence / n);
    }

    /** Softmax probabilities {@code [T, 3]} (row-major) of the tokens of one title. */
    float[] probabilities(List<Token> tokens) {
        return net.probabilities(new FeatureExtractor(model.config().buckets()).extract(tokens, lexicon.isEmpty() ? null : lexicon.marks(tokens)));
    }
}
