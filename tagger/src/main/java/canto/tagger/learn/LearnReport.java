package canto.tagger.learn;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The lines {@code learn} and {@code apply} print about what they learnt. */
public final class LearnReport {
    private LearnReport() {}

    /** One indented line per reason: how many, and why. */
    public static void reasons(PrintStream out, Map<SkipReason, Integer> counts) {
        for (Map.Entry<SkipReason, Integer> e : counts.entrySet()) out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey().why());
    }

    public static String describe(UserModelLearner.Outcome o, UserModelStore store) {
        return String.format(Locale.ROOT, "trained your model on %s (%d new, %d updated) in %.1f s: %s",
                count(o.total(), "example"), o.added(), o.replaced(), o.seconds(), store.model());
    }

    /** {@code n} and the noun, plural unless n is 1: "1 example", "0 examples", "2 edited rows". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
