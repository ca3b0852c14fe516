package canto.tagger.training;

import canto.tagger.features.ArtistLexicon;
import canto.tagger.model.DataException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads labelled titles from the TSV format of {@code titles-train.tsv}: UTF-8, one header
 * line {@code title artist song artist_spans song_spans}, tab-separated; pieces joined with
 * {@code " | "}; spans {@code start-end} in code points, {@code ;}-separated. When both span
 * columns are empty the spans are found by searching each piece in the title, in order
 * (files we write by hand may leave them out). Every error names file, line and field.
 */
public final class LabelledTitles {
    private static final List<String> HEADER = List.of("title", "artist", "song", "artist_spans", "song_spans");

    private LabelledTitles() {}

    /** Reads {@code file}; {@code real} is stored in every title (see {@link LabelledTitle#real()}). */
    /** The lexicon of the titles' artists, each title's pieces counted once ({@link ArtistLexicon#of}). */
    public static ArtistLexicon artistLexicon(Collection<LabelledTitle> titles) {
        List<List<String>> artists = new ArrayList<>(titles.size());
        for (LabelledTitle t : titles) artists.add(t.artists());
        return ArtistLexicon.of(artists);
    }

    public static List<LabelledTitle> read(Path file, boolean real) throws IOException {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !Arrays.asList(lines[0].split("\t", -1)).equals(HEADER)) {
            throw new DataException(file + ":1: header must be " + String.join("<TAB>", HEADER));
        }
        List<LabelledTitle> out = new ArrayList<>();
        for (int ln = 1; ln < lines.length; ln++) {
            if (lines[ln].isBlank()) continue;
            out.add(parseLine(lines[ln], file + ":" + (ln + 1), real));
        }
        if (out.isEmpty()) throw new DataException(file + ": no labelled titles");
        return out;
    }

    /** One TSV row (no header); {@code where} names it in messages. */
    public static LabelledTitle parseLine(String line, String where, boolean real) {
        String[] f = line.split("\t", -1);
        if (f.length != HEADER.size()) {
            throw new DataException(where + ": expected " + HEADER.size() + " tab-separated fields, found " + f.length);
        }
        String title = f[0];
        if (title.isBlank()) throw new DataException(where + ": field 'title' is empty");
        List<String> artists = pieces(f[1]);
        List<String> songs = pieces(f[2]);
        int[][] artistSpans, songSpans;
        if (f[3].isEmpty() && f[4].isEmpty()) {
            artistSpans = find(title, artists, where, "artist");
            songSpans = find(title, songs, where, "song");
        } else {
            artistSpans = spans(title, f[3], artists, where, "artist_spans");
            songSpans = spans(title, f[4], songs, where, "song_spans");
        }
        return new LabelledTitle(title, artists, songs, artistSpans, songSpans, where, real);
    }

    private static List<String> pieces(String field) {
        if (field.isEmpty()) return List.of();
        return List.of(field.split(" \\| ", -1));
    }

    private static int[][] spans(String title, String field, List<String> pieces, String where, String name) {
        String[] parts = field.isEmpty() ? new String[0] : field.split(";", -1);
        if (parts.length != pieces.size()) {
            throw new DataException(where + ": field '" + name + "' has " + parts.length + " spans for " + pieces.size() + " pieces");
        }
        int cps = title.codePointCount(0, title.length());
        int[][] out = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            String[] se = parts[i].split("-", -1);
            int start, end;
            try {
                if (se.length != 2) throw new NumberFormatException();
                start = Integer.parseInt(se[0]);
                end = Integer.parseInt(se[1]);
            } catch (NumberFormatException e) {
                throw new DataException(where + ": field '" + name + "': '" + parts[i] + "' is not start-end");
            }
            if (start < 0 || start >= end || end > cps) {
                throw new DataException(where + ": field '" + name + "': span " + parts[i] + " is outside the title (" + cps + " code points)");
            }
            int s = title.offsetByCodePoints(0, start), e = title.offsetByCodePoints(0, end);
            if (!title.substring(s, e).equals(pieces.get(i))) {
                throw new DataException(where + ": field '" + name + "': span " + parts[i] + " covers '" + title.substring(s, e)
                        + "', not the piece '" + pieces.get(i) + "'");
            }
            out[i] = new int[] {s, e};
        }
        return out;
    }

    private static int[][] find(String title, List<String> pieces, String where, String name) {
        int[][] out = new int[pieces.size()][];
        int from = 0;
        for (int i = 0; i < out.length; i++) {
            String p = pieces.get(i);
            if (p.isBlank()) throw new DataException(where + ": field '" + name + "': empty piece");
            int at = title.indexOf(p, from);
            if (at < 0) throw new DataException(where + ": field '" + name + "': piece '" + p + "' is not in the title (after what came before)");
            out[i] = new int[] {at, at + p.length()};
            from = at + p.length();
        }
        return out;
    }
}
