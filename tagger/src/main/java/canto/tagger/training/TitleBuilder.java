package canto.tagger.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A title being composed from segments, each either an artist piece, a song piece or unlabelled
 * text. Because every piece is appended as what it is, the labels and their spans are exact by
 * construction. Spaces are tidied as text is appended: no leading space, no doubled space
 * (an empty placeholder leaves none), no trailing space.
 */
final class TitleBuilder {
    static final int TEXT = 0, ARTIST = 1, SONG = 2;

    private record Segment(String text, int kind) {}

    private final List<Segment> segments = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    /** Appends unlabelled text. */
    TitleBuilder text(String s) { return add(s, TEXT); }

    /** Appends an artist piece. */
    TitleBuilder artist(String s) { return add(s, ARTIST); }

    /** Appends a song piece. */
    TitleBuilder song(String s) { return add(s, SONG); }

    TitleBuilder add(String s, int kind) {
        if (s.isEmpty()) return this;
        if (kind == TEXT) {
            if (text.length() == 0 || text.charAt(text.length() - 1) == ' ') s = stripLeadingSpaces(s);
            if (s.isEmpty()) return this;
        } else if (!s.strip().equals(s) || s.contains(" | ") || s.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("bad piece '" + s + "'");
        }
        segments.add(new Segment(s, kind));
        text.append(s);
        return this;
    }

    String title() { return text.toString(); }

    boolean isEmpty() { return text.length() == 0; }

    /** The last code point so far, or -1. */
    int last() { return text.length() == 0 ? -1 : text.codePointBefore(text.length()); }

    /** A copy with {@code f} applied to every segment's text (file-name character substitutions keep the labels right). */
    TitleBuilder map(UnaryOperator<String> f) {
        TitleBuilder b = new TitleBuilder();
        for (Segment s : segments) {
            String t = f.apply(s.text);
            if (s.kind != TEXT && (t.isEmpty() || !t.strip().equals(t))) return null;
            b.segments.add(new Segment(t, s.kind));
            b.text.append(t);
        }
        return b;
    }

    /** Removes trailing spaces (they are always unlabelled text). */
    void trimEnd() {
        while (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (last.kind != TEXT) return;
            String t = last.text.stripTrailing();
            text.setLength(text.length() - (last.text.length() - t.length()));
            segments.remove(segments.size() - 1);
            if (!t.isEmpty()) {
                segments.add(new Segment(t, TEXT));
                return;
            }
        }
    }

    /**
     * False when a labelled piece would run into its neighbour: a word character of the same
     * script right beside it, a hyphen / dot / apostrophe / slash / {@code !} glued between
     * word characters of one script across its edge, or another labelled Latin word separated
     * from it by one space only (one phrase to a reader: {@code TWICE TT}).
     */
    boolean edgesClear() {
        String t = text.toString();
        int pos = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int start = pos, end = pos + s.text.length();
            pos = end;
            if (s.kind == TEXT) continue;
            if (start > 0 && !clear(t, start, true)) return false;
            if (end < t.length() && !clear(t, end, false)) return false;
        }
        return true;
    }

    /** Whether the edge at {@code at} (a piece's start when {@code atStart}, else its end) is clear. */
    private boolean clear(String t, int at, boolean atStart) {
        int inner = atStart ? t.codePointAt(at) : t.codePointBefore(at);
        int outer = atStart ? t.codePointBefore(at) : t.codePointAt(at);
        if (Script.glues(inner, outer)) return false;
        if ("-./'!’".indexOf(outer) >= 0) {
            int beyond = atStart ? (at >= 2 ? t.codePointBefore(at - 1) : -1) : (at + 1 < t.length() ? t.codePointAt(at + 1) : -1);
            if (beyond >= 0 && Script.glues(inner, beyond)) return false;
        }
        if (outer == ' ' && Script.of(inner) == Script.LATIN) {
            int beyondAt = atStart ? at - 1 : at + 1;
            int beyond = atStart ? (beyondAt >= 1 ? t.codePointBefore(beyondAt) : -1) : (beyondAt < t.length() ? t.codePointAt(beyondAt) : -1);
            if (beyond >= 0 && kindAt(beyondAt, atStart) != TEXT && Script.glues(inner, beyond)) return false;
        }
        return true;
    }

    /** The kind of the segment holding the character just before (atStart) or at {@code at}. */
    private int kindAt(int at, boolean before) {
        int idx = before ? at - 1 : at, pos = 0;
        for (Segment s : segments) {
            if (idx < pos + s.text.length()) return s.kind;
            pos += s.text.length();
        }
        return TEXT;
    }

    /** True when the title holds at least one artist and one song piece. */
    boolean hasArtistAndSong() {
        boolean a = false, s = false;
        for (Segment g : segments) {
            a |= g.kind == ARTIST;
            s |= g.kind == SONG;
        }
        return a && s;
    }

    /**
     * The TSV row: {@code title, artist pieces, song pieces, artist spans, song spans}; pieces
     * joined with {@code " | "} in title order, spans {@code start-end} in code points (the
     * format of {@code titles-train.tsv}) joined with {@code ;}.
     */
    String row() {
        StringBuilder artists = new StringBuilder(), songs = new StringBuilder();
        StringBuilder aSpans = new StringBuilder(), sSpans = new StringBuilder();
        int cp = 0;
        for (Segment s : segments) {
            int n = s.text.codePointCount(0, s.text.length());
            if (s.kind != TEXT) {
                StringBuilder names = s.kind == ARTIST ? artists : songs;
                StringBuilder spans = s.kind == ARTIST ? aSpans : sSpans;
                if (names.length() > 0) {
                    names.append(" | ");
                    spans.append(';');
                }
                names.append(s.text);
                spans.append(cp).append('-').append(cp + n);
            }
            cp += n;
        }
        return text + "\t" + artists + "\t" + songs + "\t" + aSpans + "\t" + sSpans;
    }

    private static String stripLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return s.substring(i);
    }
}
