package canto.tagger.model;

import canto.engine.io.SafeTensors;
import canto.engine.nn.LinearChainCrf;
import canto.engine.nn.Parameters;
import canto.engine.nn.Workspace;
import canto.engine.util.Rng;
import canto.tagger.features.ArtistLexicon;
import canto.tagger.features.FeatureExtractor;
import canto.tagger.features.TokenFeatures;
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
 * title, {@link Tokenizer} cuts it, {@link TokenClassifier} scores every token's {@link Tag}s and its CRF
 * picks the best tag sequence (Viterbi), {@link LabelRules} mends what breaks the shape of a title (no song found, a song
 * broken by one punctuation mark), {@link Pieces} joins the labels into pieces. The model is a safetensors file; the
 * bundled one is {@value #RESOURCE} in the jar.
 *
 * <p>Thread-safe without locks: each parse runs the classifier's layers in a {@link Workspace}
 * of its own and only reads the weights, so threads can share one parser.
 */
public final class NeuralTitleParser implements TitleParser {
    /** Class-path location of the bundled model. */
    public static final String RESOURCE = "/canto/tagger/model/title-model.safetensors";

    /**
     * Parses whose calibrated confidence is below this are flagged for review when the model file
     * names no threshold of its own ({@code review_below} in its metadata). Chosen on the dev set
     * (docs/TAGGER.md, "Confidence").
     */
    public static final double DEFAULT_REVIEW_BELOW = 0.49;

    /** A parse naming no artist must be this many times more probable than the best one naming one (see {@link PieceDecoder}). */
    static final double NO_ARTIST_ODDS = 4;

    private final TokenClassifier model;
    private final Map<String, String> metadata;
    private final ArtistLexicon lexicon;

    /** Metadata key of the lexicon's names (one per line); absent in a model without the lexicon feature. */
    public static final String LEXICON_KEY = "lexicon_artists";

    private static ArtistLexicon lexiconOf(Map<String, String> meta) {
        String names = meta.get(LEXICON_KEY);
        return names == null ? ArtistLexicon.EMPTY : ArtistLexicon.ofKeys(java.util.Arrays.asList(names.split("\n")));
    }

    /** The names of the lexicon feature (empty for a model trained without it). */
    public ArtistLexicon lexicon() { return lexicon; }
    private final Calibration calibration;
    private final double reviewBelow;

    /**
     * A parser over a trained model (it parses with the model's current weights). The
     * metadata's {@code calibration} ({@code "a b"}, see {@link Calibration}) and
     * {@code review_below} are used when present.
     */
    public NeuralTitleParser(TokenClassifier model, Map<String, String> metadata) {
        this(model, metadata, lexiconOf(metadata));
    }

    /** A parser whose model uses the lexicon feature with {@code lexicon} (empty: no lexicon feature). */
    public NeuralTitleParser(TokenClassifier model, Map<String, String> metadata, ArtistLexicon lexicon) {
        this.lexicon = lexicon;
        this.model = model;
        this.metadata = Map.copyOf(metadata);
        this.calibration = Calibration.fromMetadata(metadata.get("calibration"), "model");
        String r = metadata.get("review_below");
        double below = DEFAULT_REVIEW_BELOW;
        if (r != null) {
            try {
                below = Double.parseDouble(r);
            } catch (NumberFormatException e) {
                throw new DataException("model metadata 'review_below' is not a number: " + r);
            }
        }
        this.reviewBelow = below;
    }

    /** The threshold under which a parse is flagged for review. */
    public double reviewBelow() { return reviewBelow; }

    /** The calibration of the confidence. */
    public Calibration calibration() { return calibration; }

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

    /** The trained network this parser runs. */
    public TokenClassifier model() { return model; }

    @Override
    public ParsedTitle parse(String titleOrFileName) {
        Decoded d = decode(titleOrFileName);
        double confidence = calibration.apply(d.risk());
        // a parse that names no artist or no title leaves a tag empty: a person should always look
        boolean review = confidence < reviewBelow || d.artists().isEmpty() || d.titles().isEmpty();
        return new ParsedTitle(titleOrFileName, d.artists(), d.titles(), confidence, review);
    }

    /**
     * A parse before calibration: the pieces and its risk, the expected number of tokens whose
     * tag is not the decoded one under the CRF ({@code Σₜ 1 − p(tagₜ)}, from the marginals; 0 when
     * the model is sure of every token).
     */
    public record Decoded(List<String> artists, List<String> titles, double risk) {}

    /** Tokens, emissions, constrained Viterbi, the label rule, pieces, and the risk of the final tags. */
    public Decoded decode(String titleOrFileName) {
        String title = FileNames.toTitle(titleOrFileName);
        List<Token> tokens = Tokenizer.tokenize(title);
        int n = tokens.size();
        if (n == 0) return new Decoded(List.of(), List.of(), Double.POSITIVE_INFINITY);
        int c = Tag.COUNT;
        float[] em = emissions(tokens);                                  // [T, 5]
        LinearChainCrf crf = model.crf();
        float[] transitions = crf.transitions().value().toArray(), start = crf.start().value().toArray(), end = crf.end().value().toArray();
        int[] tags = new int[n];
        PieceDecoder.decode(em, n, transitions, start, end, NO_ARTIST_ODDS, tags);
        double[] marginals = new double[n * c];
        LinearChainCrf.forwardBackward(em, 0, n, c, transitions, start, end, marginals, null);
        LabelRules.apply(tokens, tags, marginals);
        double risk = 0;
        for (int t = 0; t < n; t++) {
            double other = 0; // 1 - p(tag), summed from the other tags' marginals (no cancellation near 1)
            for (int k = 0; k < c; k++) if (k != tags[t]) other += marginals[t * c + k];
            risk += other;
        }
        return new Decoded(Pieces.ofTags(title, tokens, tags, TokenLabel.ARTIST), Pieces.ofTags(title, tokens, tags, TokenLabel.TITLE), risk);
    }

    /** Emission scores {@code [T, 5]} (row-major) of the tokens of one title, through the classifier's layers in a workspace of this call. */
    float[] emissions(List<Token> tokens) {
        TokenFeatures f = new FeatureExtractor(model.config().buckets()).extract(tokens, lexicon.isEmpty() ? null : lexicon.marks(tokens));
        return model.forward(new Workspace(), f, new int[f.tokens()]).toArray();   // one title: every token's title is 0
    }
}
