package canto.tagger.parse;

import java.util.ArrayList;
import java.util.List;

/** A labelled title prepared for training: its tokens, their gold labels and the source title. */
record Example(LabelledTitle source, List<Token> tokens, int[] labels) {

    static Example of(LabelledTitle t) {
        List<Token> tokens = Tokenizer.tokenize(t.title());
        return new Example(t, tokens, t.tokenLabels(tokens));
    }

    static List<Example> of(List<LabelledTitle> titles) {
        List<Example> out = new ArrayList<>(titles.size());
        for (LabelledTitle t : titles) out.add(of(t));
        return out;
    }
}
