package canto.tagger.learn;

import canto.tagger.model.ParsedTitle;
import canto.tagger.model.Pieces;
import canto.tagger.model.TitleParser;
import canto.tagger.training.LabelledTitle;
import java.util.List;

/** Whether a parse has a labelled title's artists and titles exactly (spacing normalised), as eval and eval-learn count. */
public final class BothExact {
    private BothExact() {}

    /** Whether {@code p} has exactly the artist and title pieces of {@code t}. */
    public static boolean of(LabelledTitle t, ParsedTitle p) {
        return same(t.artists(), p.artists()) && same(t.titles(), p.titles());
    }

    /** Whether {@code parser} parses {@code t} both exact. */
    public static boolean parses(TitleParser parser, LabelledTitle t) { return of(t, parser.parse(t.title())); }

    /** How many of {@code titles} {@code parser} parses both exact. */
    public static int count(TitleParser parser, List<LabelledTitle> titles) {
        int ok = 0;
        for (LabelledTitle t : titles) if (parses(parser, t)) ok++;
        return ok;
    }

    static boolean same(List<String> gold, List<String> got) {
        if (gold.size() != got.size()) return false;
        for (int i = 0; i < gold.size(); i++) {
            if (!Pieces.normaliseSpace(gold.get(i)).equals(Pieces.normaliseSpace(got.get(i)))) return false;
        }
        return true;
    }
}
