package canto.genre.predict;

import canto.engine.io.Json;
import canto.genre.data.DataFileException;
import canto.genre.data.LabelEncoder;
import canto.genre.data.SongTable;
import canto.genre.data.SongTableLoader;
import canto.genre.model.ModelFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code genre.jar predict --model DIR [--json] [--data FILE] [TEXT...]}: the genre and the
 * seven probabilities of each song, one line per song, in input order. Songs are the TEXT
 * arguments (lyrics), else the lines of stdin, or with {@code --data} the rows of a file in
 * the dataset's format (the only way to give the 22 features a features or combined model
 * needs). Exit status 0, 2 for bad usage, a bad model folder or a bad data file.
 */
public final class PredictCommand {
    public static final String USAGE = String.join("\n",
            "usage: java -jar genre.jar predict --model DIR [--json] [--data FILE] [TEXT...]",
            "  --model DIR   a saved model folder, e.g. out/models/ngrams-seed1 (model.safetensors, vocab.txt)",
            "  --json        one JSON object per song: {\"genre\": ..., \"probabilities\": {\"blues\": ..., ...}}",
            "  --data FILE   score the rows of a CSV in the dataset's format (needed for features/combined models)",
            "  TEXT...       lyrics, one song per argument; without TEXT and --data, one song per line of stdin",
            "Plain output: the genre, then genre=probability for the seven genres, tab-separated.");

    private PredictCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Path model = null, data = null;
        boolean json = false;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) { out.println(USAGE); return 0; }
            if (a.equals("--json")) json = true;
            else if (a.equals("--model") || a.equals("--data")) {
                if (i + 1 >= args.length) return usage(err, a + " needs a value");
                Path p = Path.of(args[++i]);
                if (a.equals("--model")) model = p; else data = p;
            } else if (a.equals("--")) { texts.addAll(Arrays.asList(args).subList(i + 1, args.length)); break; }
            else if (a.startsWith("--")) return usage(err, "unknown option '" + a + "'");
            else texts.add(a);
        }
        if (model == null) return usage(err, "missing --model");
        if (data != null && !texts.isEmpty()) return usage(err, "give songs either as TEXT or with --data, not both");
        try {
            SavedModel m = SavedModel.load(model);
            List<String> lyrics = null;
            float[] features = null;
            if (data != null) {
                SongTable t = SongTableLoader.load(data, data.toString());
                if (m.experiment().usesLyrics() && !t.hasLyrics()) throw new DataFileException(data.toString(), "has no 'lyrics' column, which this " + m.experiment().id() + " model needs");
                if (m.experiment().usesFeatures() && !t.hasFeatures()) throw new DataFileException(data.toString(), "lacks the 22 feature columns this " + m.experiment().id() + " model needs");
                lyrics = t.lyrics();
                features = t.features();
            } else {
                if (m.experiment().usesFeatures()) return usage(err, "a " + m.experiment().id() + " model needs the 22 features: give the songs with --data FILE");
                lyrics = texts.isEmpty() ? readLines(in) : texts;
            }
            if ((lyrics != null ? lyrics.size() : features.length) == 0) return 0;
            double[][] p = m.probabilities(m.experiment().usesLyrics() ? lyrics : null, m.experiment().usesFeatures() ? features : null);
            for (double[] row : p) out.println(json ? json(row) : plain(row));
            return 0;
        } catch (ModelFileException | DataFileException e) {
            err.println("genre predict: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("genre predict: cannot read: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String why) {
        err.println("genre predict: " + why);
        err.println("run with predict --help for the options");
        return 2;
    }

    private static List<String> readLines(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
        return lines;
    }

    static String plain(double[] p) {
        StringBuilder sb = new StringBuilder(SavedModel.genreOf(p));
        for (int g = 0; g < p.length; g++) sb.append('\t').append(LabelEncoder.GENRES.decode(g)).append('=').append(String.format(Locale.ROOT, "%.4f", p[g]));
        return sb.toString();
    }

    static String json(double[] p) {
        StringBuilder sb = new StringBuilder("{\"genre\": ").append(Json.quote(SavedModel.genreOf(p))).append(", \"probabilities\": {");
        for (int g = 0; g < p.length; g++) {
            sb.append(g == 0 ? "" : ", ").append(Json.quote(LabelEncoder.GENRES.decode(g))).append(": ").append(String.format(Locale.ROOT, "%.6f", p[g]));
        }
        return sb.append("}}").toString();
    }
}
