package canto.tagger.training;

import canto.engine.util.Rng;
import canto.tagger.training.TitleLists.Act;
import canto.tagger.training.TitleLists.Scene;
import canto.tagger.training.TitleLists.Song;
import canto.tagger.training.TitleLists.Template;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes labelled music-video titles from the hand-written lists in {@link TitleLists}: real
 * acts of Cantopop, Mandopop, K-pop, J-pop and Western pop with their aliases in every script,
 * songs, noise / credit / version phrases and title templates (see {@code templates.txt}).
 * Labels follow issue 8's conventions; a quarter of the rows are youtube-dl / yt-dlp file names
 * ({@link FileNameForms}). Every part of a title is appended as what it is, so the labels and
 * spans are exact by construction. Deterministic: the same seed gives the same rows.
 */
public final class TitleGenerator {
    /** The header line of the TSV format ({@code titles-train.tsv}). */
    public static final String HEADER = "title\tartist\tsong\tartist_spans\tsong_spans";

    private static final Scene[] SCENES = Scene.values();
    /** Per mille, in {@link Scene} order: canto, mando, zhs, kpop, jpop, west. */
    private static final int[] SCENE_WEIGHTS = {350, 100, 70, 160, 130, 190};

    private final TitleLists lists;
    private final Rng rng;
    private final Map<Scene, List<Act>> pool = new EnumMap<>(Scene.class);

    // the title being composed
    private Scene scene;
    private TitleBuilder b;
    private final List<Act> used = new ArrayList<>();

    private TitleGenerator(TitleLists lists, long seed) {
        this.lists = lists;
        this.rng = new Rng(seed);
        for (Scene s : SCENES) pool.put(s, new ArrayList<>());
        for (Scene s : SCENES) {
            for (Act a : lists.acts.get(s)) {
                if (s != Scene.ZHS) pool.get(s).add(a);
                // simplified titles: acts with a simplified form, or with no Han name at all
                if ((s == Scene.MANDO || s == Scene.CANTO) && (!a.simplified().isEmpty() || !hasHan(a))) pool.get(Scene.ZHS).add(a);
            }
        }
    }

    /**
     * {@code count} distinct rows in the TSV format of {@code titles-train.tsv} (without the
     * header): {@code title, artist, song, artist_spans, song_spans}, pieces joined with
     * {@code " | "} in title order, spans {@code start-end} in code points joined with {@code ;}.
     */
    public static List<String> generate(long seed, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        return new TitleGenerator(TitleLists.bundled(), seed).rows(count);
    }

    private List<String> rows(int count) {
        List<String> out = new ArrayList<>(count);
        Set<String> seen = new HashSet<>(count * 2);
        long tries = 0, limit = 50L * count + 1000;
        while (out.size() < count) {
            if (++tries > limit) throw new IllegalStateException("could not compose " + count + " distinct titles");
            TitleBuilder t = compose();
            if (t == null) continue;
            int r = rng.nextInt(100);
            if (r < 12 || r >= 88) {
                TitleBuilder f = FileNameForms.asFileName(t, r < 12, rng);
                if (f == null) continue;
                t = f;
            }
            if (seen.add(t.title())) out.add(t.row());
        }
        return out;
    }

    /** One title, or null when the draw broke a rule (the caller draws again). */
    private TitleBuilder compose() {
        scene = SCENES[weighted(SCENE_WEIGHTS)];
        List<Template> ts = lists.templates.get(scene);
        Template tpl = ts.get(rng.nextInt(ts.size()));
        // real titles put the song first about one time in eight (21 of the 178 real titles with
        // both parts); the templates list those forms in every style, a quarter of all draws, so
        // most of them are drawn again. Explicit forms ("Song by Artist", covers) are kept as listed.
        while (songFirst(tpl.text()) && rng.nextInt(100) >= songFirstKeepPercent(scene)) tpl = ts.get(rng.nextInt(ts.size()));
        b = new TitleBuilder();
        used.clear();
        if (!expand(tpl.text())) return null;
        b.trimEnd();
        if (!b.hasArtistAndSong() || !b.edgesClear()) return null;
        return b;
    }

    /**
     * Percent of drawn song-first templates kept (see {@link #compose}), by scene. Chinese-language
     * uploads put the song first about one time in eight (the real titles); Western, K-pop and
     * J-pop channels write {@code Artist - Song} (the VEVO / label convention) far more
     * consistently, so there an unmarked song-first form is rarer.
     */
    static int songFirstKeepPercent(Scene scene) {
        switch (scene) {
            case WEST: case KPOP: return SONG_FIRST_KEEP_PERCENT_OTHER;
            case JPOP: return SONG_FIRST_KEEP_PERCENT_JPOP;
            default: return SONG_FIRST_KEEP_PERCENT;
        }
    }

    static final int SONG_FIRST_KEEP_PERCENT = 40;
    static final int SONG_FIRST_KEEP_PERCENT_OTHER = 5;
    static final int SONG_FIRST_KEEP_PERCENT_JPOP = 10;

    /**
     * Whether a template names the song before the act without saying so ({@code {T} - {A}},
     * {@code {Q}{A}}): its first song or act placeholder is a song one, and it has no {@code by}
     * and no cover note, which mark the order explicitly.
     */
    static boolean songFirst(String template) {
        if (template.contains(" by ") || template.contains("cover")) return false;
        int song = firstOf(template, "{T}", "{t}", "{Q}", "{TT}");
        int act = firstOf(template, "{A}", "{a}", "{AA}");
        return song >= 0 && act >= 0 && song < act;
    }

    private static int firstOf(String s, String... keys) {
        int best = -1;
        for (String k : keys) {
            int i = s.indexOf(k);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /** Appends the template's parts; false when a part cannot be drawn. */
    private boolean expand(String template) {
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                b.text(template.substring(i));
                break;
            }
            if (open > i) b.text(template.substring(i, open));
            int close = template.indexOf('}', open);
            if (close < 0) throw new IllegalStateException("unclosed placeholder in template: " + template);
            if (!placeholder(template.substring(open + 1, close))) return false;
            i = close + 1;
        }
        return true;
    }

    private boolean placeholder(String key) {
        switch (key) {
            case "A": return act(pickAct(scene), 1.0);
            case "a": return actName(pickAct(scene));
            case "AA": return duet();
            case "F": return featuring();
            case "T": song(pickSong(), false); return true;
            case "t": b.song(pickSong().name()); return true;
            case "Q": quotedSong(pickSong()); return true;
            case "TT": medley(); return true;
            case "-": b.text(dash()); return true;
            case "|": b.text(pick(" | ", " | ", " | ", " | ", " | ", " | ", "|", "|", " ｜ ", " ｜ ", "｜", "｜", "｜", " || ")); return true;
            case ":": b.text(pick(" : ", "：", "：", ": ", ":")); return true;
            case "N": noise(false); return true;
            case "n": noise(true); return true;
            case "P": b.text(phrase("before")); return true;
            case "V": b.text(phrase("version")); return true;
            case "C": return credit();
            case "K": b.text(phrase("concert").replace("{Y}", year())); return true;
            case "X": b.text(phrase("cover")); return true;
            case "R": b.text(mainName(names(partner()))); return true;
            case "Y": b.text(year()); return true;
            default: throw new IllegalStateException("unknown placeholder {" + key + "}");
        }
    }

    // ---- acts

    private Act pickAct(Scene s) {
        List<Act> p = pool.get(s);
        for (int i = 0; i < 20; i++) {
            Act a = p.get(rng.nextInt(p.size()));
            if (!used.contains(a)) {
                used.add(a);
                return a;
            }
        }
        return p.get(rng.nextInt(p.size()));
    }

    /** An act from this title's scene, or now and then from any scene (duets, featuring). */
    private Act partner() {
        if (rng.nextInt(100) < 80) return pickAct(scene);
        Scene s = scene == Scene.ZHS ? Scene.ZHS : SCENES[rng.nextInt(SCENES.length)];
        if (s == Scene.ZHS && scene != Scene.ZHS) s = Scene.MANDO;
        return pickAct(s);
    }

    /** The act's names as this title writes them: the simplified Han form in simplified titles. */
    private List<String> names(Act a) {
        List<String> out = new ArrayList<>();
        boolean simplified = scene == Scene.ZHS && !a.simplified().isEmpty();
        boolean hanDone = false;
        for (String n : a.names()) {
            if (Script.ofName(n) == Script.HAN) {
                if (hanDone) continue;
                hanDone = true;
                out.add(simplified ? a.simplified().get(0) : n);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean hasHan(Act a) {
        for (String n : a.names()) if (Script.ofName(n) == Script.HAN) return true;
        return false;
    }

    /** The name a title shows first: by the scene's habits. */
    private String mainName(List<String> names) {
        String han = null;
        List<String> latin = new ArrayList<>(), other = new ArrayList<>();
        for (String n : names) {
            Script s = Script.ofName(n);
            if (s == Script.HAN) han = n;
            else if (s == Script.LATIN) latin.add(n);
            else other.add(n);
        }
        int r = rng.nextInt(100);
        switch (scene) {
            case CANTO: case MANDO: case ZHS:
                if (han != null && (r < 85 || latin.isEmpty())) return han;
                break;
            case KPOP:
                if (!latin.isEmpty() && r < 75) return latin.get(rng.nextInt(latin.size()));
                if (!other.isEmpty() && r < 96) return other.get(rng.nextInt(other.size()));
                if (han != null) return han;
                break;
            case JPOP:
                if (r < 70) return names.get(0);
                break;
            default:
                break;
        }
        if (!latin.isEmpty()) return latin.get(rng.nextInt(latin.size()));
        return names.get(rng.nextInt(names.size()));
    }

    /** Appends one act by one name (labelled). */
    private boolean actName(Act a) {
        b.artist(mainName(names(a)));
        return true;
    }

    /** Appends one act, in one script or two; the name issue 8's rule prefers is labelled. */
    private boolean act(Act a, double aliasScale) {
        List<String> names = names(a);
        String x = mainName(names);
        Script xs = Script.ofName(x);
        List<String> others = new ArrayList<>();
        for (String n : names) {
            Script s = Script.ofName(n);
            if (s != xs && !(s == Script.OTHER)) others.add(n);
        }
        int aliasPct;
        switch (scene) {
            case CANTO: aliasPct = 50; break;
            case MANDO: aliasPct = 30; break;
            case ZHS: aliasPct = 15; break;
            case KPOP: aliasPct = 40; break;
            case JPOP: aliasPct = 25; break;
            default: aliasPct = 0; break;
        }
        if (others.isEmpty() || rng.nextInt(100) >= aliasPct * aliasScale) {
            b.artist(x);
            return true;
        }
        String y = others.get(rng.nextInt(others.size()));
        boolean xLabelled = xs.labelPriority() <= Script.ofName(y).labelPriority();
        String form;
        switch (scene) {
            case CANTO: case MANDO: case ZHS:
                form = pick("Y X", "Y X", "Y X", "Y X", "X Y", "X Y", "X Y", "YX", "YX", "X (Y)", "X(Y)");
                break;
            case KPOP:
                form = pick("X(Y)", "X(Y)", "X(Y)", "X (Y)", "X (Y)", "X[Y]", "X[Y]", "X Y", "X Y", "Y X", "X（Y）");
                break;
            case JPOP:
                // J-pop also writes a romanised name between dashes (倖田來未-KODA KUMI-)
                form = pick("X (Y)", "X (Y)", "X Y", "X Y", "X Y", "X（Y）", "Y X", "X(Y)", "X-Y-", "X -Y-");
                break;
            default:
                form = pick("X (Y)", "X (Y)", "X Y", "X Y", "X Y", "X（Y）", "Y X", "X(Y)");
                break;
        }
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c == 'X') b.add(x, xLabelled ? TitleBuilder.ARTIST : TitleBuilder.TEXT);
            else if (c == 'Y') b.add(y, xLabelled ? TitleBuilder.TEXT : TitleBuilder.ARTIST);
            else b.text(String.valueOf(c));
        }
        return true;
    }

    private boolean duet() {
        int n = rng.nextInt(100) < 80 ? 2 : 3;
        String sep;
        switch (scene) {
            case WEST:
                sep = pick(" & ", " & ", " & ", " x ", " x ", " X ", ", ", ", ", " and ", " with ", " / ", " + ", " vs. ", " × ");
                break;
            case KPOP:
                sep = pick(" x ", " x ", " X ", " & ", " & ", ", ", " × ", " and ", " with ", " / ", "&");
                break;
            case JPOP:
                sep = pick(" × ", "×", " x ", " & ", "&", "、", " / ", " feat. ", " with ");
                break;
            default:
                sep = pick(" x ", " x ", " X ", "x", "X", " × ", "×", " & ", "&", "、", "、", "、", " / ", "/", "／", " ／ ",
                        "_", " _ ", " + ", "+", "與", " 與 ", " 和 ", "及", " 及 ", " ╳ ", " and ", " with ", " vs ");
                break;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) b.text(sep);
            act(i == 0 ? pickAct(scene) : partner(), 0.5);
        }
        return true;
    }

    private boolean featuring() {
        String open = pick(" feat. ", " feat. ", " ft. ", " ft. ", " Feat. ", " Ft. ", " FEAT. ", " featuring ", " Featuring ",
                " ft ", " feat ", " ft.", " (feat. ", " (feat. ", " (ft. ", " [feat. ", " (Feat. ", " （feat. ", " (with ");
        b.text(open);
        actName(partner());
        if (rng.nextInt(100) < 15) {
            b.text(pick(" & ", ", ", " and ", " x ", "、"));
            actName(partner());
        }
        if (open.endsWith("(with ") || open.contains("(")) b.text(")");
        else if (open.contains("[")) b.text("]");
        else if (open.contains("（")) b.text("）");
        return true;
    }

    // ---- songs

    private Song pickSong() {
        Scene s = scene;
        int r = rng.nextInt(100);
        switch (scene) {
            case CANTO: s = r < 85 ? Scene.CANTO : r < 95 ? Scene.MANDO : Scene.WEST; break;
            case MANDO: s = r < 80 ? Scene.MANDO : r < 92 ? Scene.CANTO : Scene.WEST; break;
            case KPOP: s = r < 92 ? Scene.KPOP : Scene.WEST; break;
            case JPOP: s = r < 95 ? Scene.JPOP : Scene.WEST; break;
            default: break;
        }
        List<Song> p = lists.songs.get(s);
        return p.get(rng.nextInt(p.size()));
    }

    private int alternatePct() {
        switch (scene) {
            case KPOP: return 45;
            case JPOP: return 30;
            case WEST: return 0;
            default: return 30;
        }
    }

    /** A song, maybe followed by its alternate (unlabelled); {@code inQuotes} when the caller quotes it. */
    private void song(Song s, boolean inQuotes) {
        boolean alt = !s.alternates().isEmpty() && rng.nextInt(100) < alternatePct();
        if (!alt) {
            b.song(s.name());
            return;
        }
        String y = s.alternates().get(rng.nextInt(s.alternates().size()));
        if ((scene == Scene.KPOP || scene == Scene.JPOP) && rng.nextInt(100) < 15) {
            b.song(y); // the alternate alone is the name this title gives
            return;
        }
        String[] pair = inOrder(s.name(), y);
        b.song(pair[0]);
        if (scene == Scene.KPOP) b.text(pick(" ", "(", "(", " (", " (", " [", "["));
        // J-pop also puts the romanisation after a second dash (メギツネ - MEGITSUNE)
        else if (scene == Scene.JPOP) b.text(pick(" ", " ", "(", " (", " [", "（", " - ", "- "));
        else b.text(pick(" ", " ", "(", " (", " [", "（"));
        alternate(pair[1]);
    }

    /** {@code {name, alternate}}, or the other way round when {@link #alternateFirst()}. */
    private String[] inOrder(String name, String alternate) {
        return alternateFirst() ? new String[] {alternate, name} : new String[] {name, alternate};
    }

    /** The unlabelled second name, closing the bracket just appended before it, if any. */
    private void alternate(String y) {
        String close = lastOpen();
        b.text(y);
        if (close != null) b.text(close);
    }

    /**
     * Whether a K-pop or J-pop song with an alternate is written alternate first: those titles
     * name a song in Hangul or kana and add the English in brackets as often as the other way
     * round ({@code 심쿵해 (Heart Attack)}, {@code Growl(으르렁)}); the name written first is the
     * song (issue 8), so the labels follow the order.
     */
    private boolean alternateFirst() {
        return (scene == Scene.KPOP || scene == Scene.JPOP) && rng.nextInt(100) < ALTERNATE_FIRST_PERCENT;
    }

    static final int ALTERNATE_FIRST_PERCENT = 50;

    /** The closing bracket for the bracket just appended, or null. */
    private String lastOpen() {
        switch (b.last()) {
            case '(': return ")";
            case '[': return "]";
            case '（': return "）";
            default: return null;
        }
    }

    private static final String[] QUOTES_ZH = {"《》", "《》", "《》", "《》", "《》", "【】", "【】", "【】", "「」", "「」", "『』",
        "“”", "\"\"", "''", "‘’", "〈〉", "[]", "〔〕"};
    private static final String[] QUOTES_KPOP = {"\"\"", "\"\"", "\"\"", "\"\"", "''", "''", "''", "‘’", "“”", "「」", "[]", "《》"};
    private static final String[] QUOTES_JPOP = {"「」", "「」", "「」", "「」", "『』", "『』", "『』", "\"\"", "【】", "“”"};
    private static final String[] QUOTES_WEST = {"\"\"", "\"\"", "\"\"", "''", "“”"};

    private String quotes() {
        switch (scene) {
            case KPOP: return pick(QUOTES_KPOP);
            case JPOP: return pick(QUOTES_JPOP);
            case WEST: return pick(QUOTES_WEST);
            default: return pick(QUOTES_ZH);
        }
    }

    /** A song in quote marks; an alternate goes inside or after them. */
    private void quotedSong(Song s) {
        String q = quotes();
        String open = q.substring(0, 1), close = q.substring(1);
        boolean alt = !s.alternates().isEmpty() && rng.nextInt(100) < alternatePct();
        if (!alt) {
            b.text(open).song(s.name()).text(close);
            return;
        }
        String y = s.alternates().get(rng.nextInt(s.alternates().size()));
        String[] pair = inOrder(s.name(), y);
        if (rng.nextInt(2) == 0) {
            b.text(open).song(pair[0]).text(pick(" ", " (", "(", " ["));
            alternate(pair[1]);
            b.text(close);
        } else {
            b.text(open).song(pair[0]).text(close).text(pick("", " ", " (", "("));
            alternate(pair[1]);
        }
    }

    private void medley() {
        int n = rng.nextInt(100) < 80 ? 2 : 3;
        boolean quoted = rng.nextInt(100) < 40;
        String sep = quoted ? pick("+", " + ", "", "、", " ") : pick(" + ", " / ", "+", "_", " _ ", "、", " & ", " | ", "/", " x ");
        String q = quoted ? quotes() : null;
        for (int i = 0; i < n; i++) {
            if (i > 0) b.text(sep);
            if (q != null) b.text(q.substring(0, 1)).song(pickSong().name()).text(q.substring(1));
            else b.song(pickSong().name());
        }
    }

    // ---- phrases

    private String dash() {
        return pick(" - ", " - ", " - ", " - ", " - ", " - ", " - ", " - ", " - ", " - ", " - ", " - ",
                " – ", " – ", " — ", " － ", "－", "－", " -", "- ", "-", "-", "-", "–", "—", " ― ", " -- ");
    }

    private void noise(boolean always) {
        int r = rng.nextInt(100);
        if (!always && r < 20) return;
        String first = phrase("after");
        b.text(" ").text(first);
        if (r >= 87) {
            String second = phrase("after");
            if (!second.equals(first)) b.text(" ").text(second);
        }
    }

    private String phrase(String kind) {
        List<String> p = lists.phrases(kind, scene);
        if (p.isEmpty()) p = lists.phrases(kind, Scene.WEST);
        return p.get(rng.nextInt(p.size()));
    }

    private boolean credit() {
        List<String> p = lists.phrases("credit", scene);
        if (p.isEmpty()) return false;
        String c = p.get(rng.nextInt(p.size()));
        String[][] fills = {{"{D}", "drama"}, {"{E}", "film"}, {"{K}", "kdrama"}, {"{J}", "anime"}, {"{M}", "movie"}};
        for (String[] f : fills) {
            if (!c.contains(f[0])) continue;
            List<String> names = lists.phrases(f[1], scene);
            if (names.isEmpty()) return false;
            c = c.replace(f[0], names.get(rng.nextInt(names.size())));
        }
        b.text(c);
        return true;
    }

    private String year() { return Integer.toString(1985 + rng.nextInt(41)); }

    // ---- randomness

    private String pick(String... options) { return options[rng.nextInt(options.length)]; }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    /** Every act in the lists (for checks against other data). */
    static List<Act> acts() {
        List<Act> out = new ArrayList<>();
        for (Scene s : SCENES) out.addAll(TitleLists.bundled().acts.get(s));
        return out;
    }
}
