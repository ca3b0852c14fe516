package canto.tagger.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The string members at the top level of one JSON object (what we need of yt-dlp's
 * {@code .info.json}: {@code title}, {@code track}, {@code artist}); other values are skipped.
 * A small strict reader: null when the text is not one JSON object.
 */
final class JsonStrings {
    private final String s;
    private int at;

    private JsonStrings(String s) {
        this.s = s;
    }

    static Map<String, String> read(String json) {
        JsonStrings r = new JsonStrings(json);
        try {
            Map<String, String> out = new HashMap<>();
            r.space();
            r.expect('{');
            r.space();
            if (r.peek() == '}') return out;
            while (true) {
                r.space();
                String key = r.string();
                r.space();
                r.expect(':');
                r.space();
                if (r.peek() == '"') out.put(key, r.string());
                else r.skipValue();
                r.space();
                char c = r.next();
                if (c == '}') return out;
                if (c != ',') return null;
            }
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private char peek() { return s.charAt(at); }

    private char next() { return s.charAt(at++); }

    private void expect(char c) {
        if (next() != c) throw new IllegalStateException("expected " + c);
    }

    private void space() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u': b.append((char) Integer.parseInt(s.substring(at, at + 4), 16)); at += 4; break;
                default: b.append(e);
            }
        }
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            next();
            space();
            if (peek() == close) { next(); return; }
            while (true) {
                space();
                if (close == '}') {
                    string();
                    space();
                    expect(':');
                    space();
                }
                skipValue();
                space();
                char d = next();
                if (d == close) return;
                if (d != ',') throw new IllegalStateException("bad list");
            }
        } else {
            int start = at;
            while (at < s.length() && ",}] \t\r\n".indexOf(s.charAt(at)) < 0) at++;
            if (at == start) throw new IllegalStateException("empty value");
        }
    }
}
