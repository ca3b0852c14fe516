package canto.tagger.training;

import canto.engine.util.Rng;
import canto.tagger.features.ArtistLexicon;
import canto.tagger.tokens.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The acts {@link TitleGenerator} knows (every name of every act in its lists, simplified forms
 * included) as the bundled model's {@link ArtistLexicon}: the recipe's known-acts option
 * ({@link ParserTraining.Recipe#knownActs}). At parse time the lexicon is every act. In training
 * each title sees it with the acts of its own labelled artists left out, each act independently
 * with probability {@code leaveOut} (all of its names at once), so that half the artists the
 * model learns from carry no mark and it still learns to find an act by where it stands; the real
 * and written titles are marked the same way when their artists are in the lists.
 */
public final class KnownActs {
    private final ArtistLexicon lexicon;
    /** Key of a name -> the keys of every name of every act that has it. */
    private final Map<String, Set<String>> actOf;

    private KnownActs(List<? extends Collection<String>> acts) {
        Set<String> all = new TreeSet<>();
        Map<String, Set<String>> of = new HashMap<>();
        for (Collection<String> names : acts) {
            Set<String> keys = ArtistLexicon.keysOf(names);
            all.addAll(keys);
            for (String k : keys) of.computeIfAbsent(k, x -> new HashSet<>()).addAll(keys);
        }
        this.lexicon = ArtistLexicon.ofKeys(all);
        this.actOf = of;
    }

    private static KnownActs bundled;

    /** The acts of the bundled lists (read once). */
    public static synchronized KnownActs bundled() {
        if (bundled == null) {
            List<List<String>> acts = new ArrayList<>();
            for (TitleLists.Act a : TitleGenerator.acts()) acts.add(a.allNames());
            bundled = new KnownActs(acts);
        }
        return bundled;
    }

    /** Acts given as their names (tests). */
    static KnownActs of(List<? extends Collection<String>> acts) { return new KnownActs(acts); }

    /** Every name of every act, the parse-time lexicon (one confirmation each). */
    public ArtistLexicon lexicon() { return lexicon; }

    /** The keys of every name of the act(s) that have the name {@code artist} (empty when it is no known act's). */
    public Set<String> actKeys(String artist) {
        return actOf.getOrDefault(ArtistLexicon.key(artist), Set.of());
    }

    /**
     * The training-time marks: for each title, every act is in the lexicon except, each with
     * probability {@code leaveOut}, the acts of its labelled artists. Draws from one generator of
     * {@code seed}, in the order titles are asked for (the trainer asks once per example, in
     * order), so the same data and seed give the same marks.
     */
    public BiFunction<LabelledTitle, List<Token>, int[]> trainingMarks(long seed, float leaveOut) {
        if (!(leaveOut >= 0 && leaveOut <= 1)) throw new IllegalArgumentException("leave-out must be in [0, 1]: " + leaveOut);
        Rng rng = new Rng(seed ^ 0x6B6E6F776E616374L);
        return (t, toks) -> lexicon.marks(toks, leftOut(t.artists(), leaveOut, rng));
    }

    /** The keys left out for a title whose labelled artists are {@code artists}. */
    Set<String> leftOut(List<String> artists, float leaveOut, Rng rng) {
        Set<String> out = new HashSet<>();
        for (String a : artists) {
            Set<String> keys = actKeys(a);
            if (!keys.isEmpty() && rng.nextFloat() < leaveOut) out.addAll(keys);
        }
        return out;
    }
}
