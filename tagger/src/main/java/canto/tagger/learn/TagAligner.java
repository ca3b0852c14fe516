package canto.tagger.learn;

import canto.tagger.tokens.FileNames;
import canto.tagger.training.LabelledTitle;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a file name and the artist / title a person gave it (TPE1 and TIT2 of a tagged file,
 * or an edited plan row) into a labelled example: each artist piece (TPE1 split on NUL and
 * {@code " / "}, then, for a piece that does not occur as a whole, on {@code /}) and each title piece (TIT2 split on NUL and {@code " / "}) must occur in the video
 * title the parser sees (the file name without folder, extension and video id), on token
 * boundaries, without overlapping; matching ignores case, width (NFKC) and spacing. An artist
 * piece that does not occur as a whole may occur as the names it lists ({@code A & B},
 * {@code A, B}, {@code A、B}). What cannot be aligned is skipped with a {@link SkipReason}:
 * above all yt-dlp's own tags (TPE1 = the channel, TIT2 = the whole video title), which are
 * never learnt as truth.
 */
public final class TagAligner {
    private static final Pattern ARTIST_SPLIT = Pattern.compile("\\u0000|\\s+/\\s+");
    private static final Pattern TITLE_SPLIT = Pattern.compile("\\u0000|\\s+/\\s+");
    private static final Pattern NAME_LIST = Pattern.compile("\\s*(?:[,;&、，；＆/]|\\s[xX×]\\s)\\s*");

    /** An example, or why there is none. */
    public record Result(LabelledTitle example, SkipReason skipped) {
        static Result skip(SkipReason why) { return new Result(null, why); }
    }

    private TagAligner() {}

    /**
     * @param fileName the file's name without its folder (or a video title), as the parser reads it
     * @param artist   the TPE1 text (several values separated by NUL or {@code /}), or null
     * @param title    the TIT2 text, or null
     * @param source   where the example comes from (a path), for messages
     */
    public static Result align(String fileName, String artist, String title, String source) {
        if (artist == null || title == null || artist.isBlank() || title.isBlank()) return Result.skip(SkipReason.NO_TAGS);
        String name = fileName;
        if (name.contains("\t") || name.contains("\n") || name.contains("\r")) return Result.skip(SkipReason.ODD_NAME);
        String seen = FileNames.toTitle(name);
        int shift = name.indexOf(seen);
        if (shift < 0) { name = seen; shift = 0; }
        FoldedText folded = FoldedText.of(seen);
        String wholeTitle = FoldedText.of(title.replace('\u0000', ' ')).text;
        if (wholeTitle.equals(folded.text) || (folded.text.length() >= 8 && wholeTitle.startsWith(folded.text))) {
            return Result.skip(SkipReason.WHOLE_TITLE);
        }
        List<Token> tokens = Tokenizer.tokenize(seen);
        List<int[]> taken = new ArrayList<>();
        List<int[]> artistSpans = new ArrayList<>();
        for (String piece : pieces(artist, ARTIST_SPLIT)) {
            Placed p = place(piece, folded, tokens, taken);
            if (p.span == null && p.why != SkipReason.OVERLAP) {
                List<int[]> parts = new ArrayList<>();
                List<int[]> trial = new ArrayList<>(taken);
                for (String sub : pieces(piece, NAME_LIST)) {
                    Placed q = place(sub, folded, tokens, trial);
                    if (q.span == null) { parts = null; break; }
                    parts.add(q.span);
                    trial.add(q.span);
                }
                if (parts != null && parts.size() > 1) {
                    taken.addAll(parts);
                    artistSpans.addAll(parts);
                    continue;
                }
            }
            if (p.span == null) return Result.skip(p.why == SkipReason.TITLE_NOT_IN_NAME ? SkipReason.ARTIST_NOT_IN_NAME : p.why);
            taken.add(p.span);
            artistSpans.add(p.span);
        }
        List<int[]> titleSpans = new ArrayList<>();
        for (String piece : pieces(title, TITLE_SPLIT)) {
            Placed p = place(piece, folded, tokens, taken);
            if (p.span == null) return Result.skip(p.why);
            taken.add(p.span);
            titleSpans.add(p.span);
        }
        if (artistSpans.isEmpty() || titleSpans.isEmpty()) return Result.skip(SkipReason.NO_TAGS);
        for (int[] sp : taken) if (seen.substring(sp[0], sp[1]).contains(" | ")) return Result.skip(SkipReason.ODD_NAME);
        artistSpans.sort((a, b) -> Integer.compare(a[0], b[0]));
        titleSpans.sort((a, b) -> Integer.compare(a[0], b[0]));
        return new Result(example(name, seen, shift, artistSpans, titleSpans, source), null);
    }

    private static LabelledTitle example(String name, String seen, int shift, List<int[]> artistSpans, List<int[]> titleSpans, String source) {
        List<String> artists = new ArrayList<>(), titles = new ArrayList<>();
        int[][] a = new int[artistSpans.size()][], t = new int[titleSpans.size()][];
        for (int i = 0; i < a.length; i++) {
            int[] s = artistSpans.get(i);
            artists.add(seen.substring(s[0], s[1]));
            a[i] = new int[] {s[0] + shift, s[1] + shift};
        }
        for (int i = 0; i < t.length; i++) {
            int[] s = titleSpans.get(i);
            titles.add(seen.substring(s[0], s[1]));
            t[i] = new int[] {s[0] + shift, s[1] + shift};
        }
        return new LabelledTitle(name, artists, titles, a, t, source, true);
    }

    private static List<String> pieces(String text, Pattern split) {
        List<String> out = new ArrayList<>();
        for (String p : split.split(text)) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    /** Where a piece goes: a span of the seen title ([start, end) UTF-16), or why it has none. */
    private record Placed(int[] span, SkipReason why) {}

    /** The first occurrence of {@code piece} on token boundaries not overlapping {@code taken}. */
    private static Placed place(String piece, FoldedText title, List<Token> tokens, List<int[]> taken) {
        String p = FoldedText.of(piece).text;
        if (p.isEmpty()) return new Placed(null, SkipReason.TITLE_NOT_IN_NAME);
        SkipReason why = SkipReason.TITLE_NOT_IN_NAME;
        for (int k = title.text.indexOf(p); k >= 0; k = title.text.indexOf(p, k + 1)) {
            int start = title.start(k), end = title.end(k + p.length() - 1);
            if (!onTokens(start, end, tokens)) { if (why != SkipReason.OVERLAP) why = SkipReason.NOT_ON_TOKENS; continue; }
            if (overlaps(start, end, taken)) { why = SkipReason.OVERLAP; continue; }
            return new Placed(new int[] {start, end}, null);
        }
        return new Placed(null, why);
    }

    private static boolean onTokens(int start, int end, List<Token> tokens) {
        boolean s = false, e = false;
        for (Token t : tokens) {
            s |= t.start() == start;
            e |= t.end() == end;
        }
        return s && e;
    }

    private static boolean overlaps(int start, int end, List<int[]> taken) {
        for (int[] t : taken) if (start < t[1] && t[0] < end) return true;
        return false;
    }
}
