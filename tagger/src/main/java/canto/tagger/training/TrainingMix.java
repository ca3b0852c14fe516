package canto.tagger.training;

import canto.tagger.tokens.FileNames;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parser trains on: the labelled titles from files (the real ones and those we wrote),
 * each repeated {@code repeat} times so that they weigh as much as they should beside the
 * generated ones, plus {@code generated} titles from {@link TitleGenerator} (never tested: they
 * count as written; the few that do not align with the tokens are left out, see {@link #aligned}). The order is hand titles first, then generated; {@link Trainer} shuffles.
 */
public final class TrainingMix {
    /** Generated titles in a default training run. */
    public static final int DEFAULT_GENERATED = 20_000;
    /** How often each hand-labelled title is repeated beside them. */
    public static final int DEFAULT_REPEAT = 3;

    private TrainingMix() {}

    /** {@code hand} repeated {@code repeat} times, then {@code generated} titles of generator seed {@code seed}. */
    public static List<LabelledTitle> of(List<LabelledTitle> hand, int generated, int repeat, long seed) {
        if (repeat < 1) throw new IllegalArgumentException("repeat must be >= 1: " + repeat);
        List<LabelledTitle> out = new ArrayList<>(hand.size() * repeat + generated);
        for (int r = 0; r < repeat; r++) out.addAll(hand);
        out.addAll(generated(seed, generated));
        return out;
    }

    /** {@code count} generated titles, labelled, named {@code generated:seed:row} in messages. */
    public static List<LabelledTitle> generated(long seed, int count) {
        List<String> rows = TitleGenerator.generate(seed, count);
        List<LabelledTitle> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LabelledTitle t = LabelledTitles.parseLine(rows.get(i), "generated:" + seed + ":" + (i + 1), false);
            if (aligned(t)) out.add(t);
        }
        return out;
    }

    /**
     * True when every piece of {@code t} starts and ends at a token boundary of what the parser
     * sees. A generated title where the tokenizer glues a piece to its neighbour (about 1 in 100,
     * e.g. {@code Mr.x容祖兒}) cannot be labelled exactly and is left out.
     */
    static boolean aligned(LabelledTitle t) {
        String seen = FileNames.toTitle(t.title());
        int shift = t.title().indexOf(seen);
        List<Token> tokens = Tokenizer.tokenize(seen);
        for (int[][] spans : new int[][][] {t.artistSpans(), t.titleSpans()}) {
            for (int[] s : spans) {
                boolean start = false, end = false;
                for (Token k : tokens) {
                    start |= k.start() + shift == s[0];
                    end |= k.end() + shift == s[1];
                }
                if (!start || !end) return false;
            }
        }
        return true;
    }
}
