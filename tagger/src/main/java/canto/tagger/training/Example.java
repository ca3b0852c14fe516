package canto.tagger.training;

import canto.tagger.model.DataException;
import canto.tagger.tokens.FileNames;
import canto.tagger.tokens.Token;
import canto.tagger.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled title prepared for training: the tokens of what the parser would see (a file
 * name stripped by {@link FileNames}, as {@code parse} does), their gold labels (artist / title /
 * other) and {@link canto.tagger.model.Tag}s, and the source.
 */
record Example(LabelledTitle source, List<Token> tokens, int[] labels, int[] tags) {

    static Example of(LabelledTitle t) {
        String seen = FileNames.toTitle(t.title());
        int shift = t.title().indexOf(seen);
        for (int[][] spans : new int[][][] {t.artistSpans(), t.titleSpans()}) {
            for (int[] s : spans) {
                if (s[0] < shift || s[1] > shift + seen.length()) {
                    throw new DataException(t.source() + ": a labelled piece lies in the file-name part that parsing strips");
                }
            }
        }
        List<Token> tokens = Tokenizer.tokenize(seen);
        return new Example(t, tokens, t.tokenLabels(tokens, shift), t.tokenTags(tokens, shift));
    }

    static List<Example> of(List<LabelledTitle> titles) {
        List<Example> out = new ArrayList<>(titles.size());
        for (LabelledTitle t : titles) out.add(of(t));
        return out;
    }
}
