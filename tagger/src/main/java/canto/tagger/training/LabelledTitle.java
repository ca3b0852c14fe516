package canto.tagger.training;

import canto.tagger.model.Tag;
import canto.tagger.model.TokenLabel;
import canto.tagger.tokens.Token;
import java.util.List;

/**
 * One labelled title: the title, its artist and song pieces in title order, and where each
 * piece lies ({@code [start, end)} UTF-16 indices into {@code title}). {@code source} is
 * {@code file:line}, for messages; {@code real} marks titles from the real (shared) data as
 * opposed to titles we wrote.
 */
public record LabelledTitle(String title, List<String> artists, List<String> titles,
                            int[][] artistSpans, int[][] titleSpans, String source, boolean real) {

    /** The label of every token: artist or title when the token lies inside such a span. */
    public int[] tokenLabels(List<Token> tokens) { return tokenLabels(tokens, 0); }

    /** As {@link #tokenLabels(List)} for tokens of {@code title.substring(shift)}. */
    int[] tokenLabels(List<Token> tokens, int shift) {
        int[] labels = new int[tokens.size()];
        for (int i = 0; i < labels.length; i++) {
            Token t = tokens.get(i);
            if (inside(t, shift, artistSpans)) labels[i] = TokenLabel.ARTIST.ordinal();
            else if (inside(t, shift, titleSpans)) labels[i] = TokenLabel.TITLE.ordinal();
        }
        return labels;
    }

    /** The {@link Tag} ordinal of every token: begin on a piece's first token, inside on the rest, other outside. */
    int[] tokenTags(List<Token> tokens, int shift) {
        int[] tags = new int[tokens.size()];
        tagSpans(tokens, shift, artistSpans, TokenLabel.ARTIST, tags);
        tagSpans(tokens, shift, titleSpans, TokenLabel.TITLE, tags);
        return tags;
    }

    private static void tagSpans(List<Token> tokens, int shift, int[][] spans, TokenLabel label, int[] tags) {
        for (int[] s : spans) {
            boolean first = true;
            for (int i = 0; i < tags.length; i++) {
                Token t = tokens.get(i);
                if (t.start() + shift >= s[0] && t.end() + shift <= s[1] && tags[i] == Tag.OTHER.ordinal()) {
                    tags[i] = Tag.of(label, first).ordinal();
                    first = false;
                }
            }
        }
    }

    /** True when every span starts at a token start and ends at a token end. */
    public boolean alignsWith(List<Token> tokens) {
        return aligned(artistSpans, tokens) && aligned(titleSpans, tokens);
    }

    private static boolean inside(Token t, int shift, int[][] spans) {
        for (int[] s : spans) if (t.start() + shift >= s[0] && t.end() + shift <= s[1]) return true;
        return false;
    }

    private static boolean aligned(int[][] spans, List<Token> tokens) {
        for (int[] s : spans) {
            boolean start = false, end = false;
            for (Token t : tokens) {
                start |= t.start() == s[0];
                end |= t.end() == s[1];
            }
            if (!start || !end) return false;
        }
        return true;
    }
}
