package canto.tagger.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written lists {@link TitleGenerator} composes titles from, read from the UTF-8
 * resources beside this class: {@code acts.txt}, {@code songs.txt}, {@code phrases.txt} and
 * {@code templates.txt} (each file's header comment says its format). Immutable once loaded.
 */
final class TitleLists {
    /** Where a title comes from; {@link #ZHS} is Mandopop written in simplified Chinese. */
    enum Scene { CANTO, MANDO, ZHS, KPOP, JPOP, WEST }

    /**
     * One act: {@code names} are its names in every script (traditional Han, Latin, Hangul,
     * kana ...), {@code simplified} its simplified-Chinese forms (may be empty).
     */
    record Act(Scene scene, List<String> names, List<String> simplified, int line) {
        /** Every name, simplified forms included: for checks against other lists. */
        List<String> allNames() {
            List<String> all = new ArrayList<>(names);
            all.addAll(simplified);
            return all;
        }
    }

    /** One song: {@code name} is what is labelled; {@code alternates} are translations or other scripts. */
    record Song(Scene scene, String name, List<String> alternates) {}

    /** A title template: the scenes it is used for and its text with {@code {X}} placeholders. */
    record Template(List<Scene> scenes, String text, int line) {}

    final Map<Scene, List<Act>> acts = new EnumMap<>(Scene.class);
    final Map<Scene, List<Song>> songs = new EnumMap<>(Scene.class);
    /** kind -> scene -> phrases. */
    final Map<String, Map<Scene, List<String>>> phrases = new HashMap<>();
    final Map<Scene, List<Template>> templates = new EnumMap<>(Scene.class);
    final List<Template> allTemplates = new ArrayList<>();

    private static TitleLists loaded;

    /** The bundled lists (read once). */
    static synchronized TitleLists bundled() {
        if (loaded == null) loaded = new TitleLists();
        return loaded;
    }

    private TitleLists() {
        for (Scene s : Scene.values()) {
            acts.put(s, new ArrayList<>());
            songs.put(s, new ArrayList<>());
            templates.put(s, new ArrayList<>());
        }
        for (Line l : read("acts.txt")) {
            Scene scene = scene(l, l.field(0));
            List<String> names = new ArrayList<>(), simplified = new ArrayList<>();
            for (String n : l.field(1).split("\\|", -1)) {
                if (n.startsWith("s:")) simplified.add(nonEmpty(l, n.substring(2)));
                else names.add(nonEmpty(l, n));
            }
            if (names.isEmpty()) throw l.bad("no name");
            acts.get(scene).add(new Act(scene, List.copyOf(names), List.copyOf(simplified), l.number));
        }
        for (Line l : read("songs.txt")) {
            Scene scene = scene(l, l.field(0));
            String[] names = l.field(1).split("\\|", -1);
            for (String n : names) nonEmpty(l, n);
            songs.get(scene).add(new Song(scene, names[0], List.of(names).subList(1, names.length)));
        }
        for (Line l : read("phrases.txt")) {
            Map<Scene, List<String>> byScene = phrases.computeIfAbsent(l.field(0), k -> new EnumMap<>(Scene.class));
            String text = nonEmpty(l, l.field(2));
            for (Scene s : scenes(l, l.field(1))) byScene.computeIfAbsent(s, k -> new ArrayList<>()).add(text);
        }
        for (Line l : read("templates.txt")) {
            Template t = new Template(scenes(l, l.field(0)), nonEmpty(l, l.field(1)), l.number);
            allTemplates.add(t);
            for (Scene s : t.scenes()) templates.get(s).add(t);
        }
        for (Scene s : Scene.values()) {
            if (templates.get(s).isEmpty()) throw new IllegalStateException("templates.txt: no template for scene " + s);
        }
    }

    /** The phrases of {@code kind} usable in {@code scene}; empty when there are none. */
    List<String> phrases(String kind, Scene scene) {
        Map<Scene, List<String>> byScene = phrases.get(kind);
        if (byScene == null) throw new IllegalStateException("phrases.txt: no phrases of kind '" + kind + "'");
        return byScene.getOrDefault(scene, Collections.emptyList());
    }

    private static Scene scene(Line l, String name) {
        switch (name) {
            case "canto": return Scene.CANTO;
            case "mando": return Scene.MANDO;
            case "zhs": return Scene.ZHS;
            case "kpop": return Scene.KPOP;
            case "jpop": return Scene.JPOP;
            case "west": return Scene.WEST;
            default: throw l.bad("unknown scene '" + name + "'");
        }
    }

    /** A comma-separated scene list; {@code zh} is canto and mando, {@code *} is every scene. */
    private static List<Scene> scenes(Line l, String field) {
        List<Scene> out = new ArrayList<>();
        for (String s : field.split(",", -1)) {
            if (s.equals("*")) return List.of(Scene.values());
            if (s.equals("zh")) {
                out.add(Scene.CANTO);
                out.add(Scene.MANDO);
            } else {
                out.add(scene(l, s));
            }
        }
        return out;
    }

    private static String nonEmpty(Line l, String s) {
        if (s.isBlank() || !s.strip().equals(s)) throw l.bad("empty name or outer space in '" + s + "'");
        return s;
    }

    /** One data line of a resource: its tab-separated fields and its line number. */
    private record Line(String file, int number, String[] fields) {
        String field(int i) {
            if (i >= fields.length) throw bad("expected at least " + (i + 1) + " tab-separated fields");
            return fields[i];
        }

        IllegalStateException bad(String why) {
            return new IllegalStateException(file + ":" + number + ": " + why);
        }
    }

    /** The non-comment, non-blank lines of resource {@code name}. */
    private static List<Line> read(String name) {
        List<Line> out = new ArrayList<>();
        try (InputStream in = TitleLists.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isBlank() || s.startsWith("#")) continue;
                out.add(new Line(name, n, s.split("\t", -1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
