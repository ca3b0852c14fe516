package canto.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"b\": [1, -2, 3.5, -0.25e1, 1E3, 0, -0], \"a\": {\"t\": true, \"f\": false, \"n\": null},"
                + " \"s\": \"x\", \"empty\": {}, \"none\": []} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", "s", "empty", "none"), List.copyOf(m.keySet()), "key order is kept");
        assertEquals(List.of(1L, -2L, 3.5, -2.5, 1000.0, 0L, 0L), m.get("b"));
        Map<?, ?> a = (Map<?, ?>) m.get("a");
        assertEquals(Boolean.TRUE, a.get("t"));
        assertEquals(Boolean.FALSE, a.get("f"));
        assertTrue(a.containsKey("n"));
        assertNull(a.get("n"));
        assertEquals("x", m.get("s"));
        assertEquals(Map.of(), m.get("empty"));
        assertEquals(List.of(), m.get("none"));
        assertEquals(9007199254740993L, Json.parse("9007199254740993"), "integers are exact longs, not doubles");
    }

    @Test
    void parsesStringEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\uD83C\uDFB5",
                Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83c\\uDFB5\""));
        assertEquals("é ♪", Json.parse("\"é ♪\""), "non-ASCII text as is");
    }

    @Test
    void quoteRoundTrips() {
        for (String s : new String[] {"", "plain", "quote \" and \\ backslash", "line\nbreak\ttab\rcr",
                "control \u0001\u001f", "unicode é ♪ \uD83C\uDFB5", "{\"json\": [1]}"}) {
            String quoted = Json.quote(s);
            assertTrue(quoted.startsWith("\"") && quoted.endsWith("\""), quoted);
            for (char c : quoted.toCharArray()) assertTrue(c >= 0x20, "no raw control characters in " + quoted);
            assertEquals(s, Json.parse(quoted));
        }
    }

    @Test
    void rejectsMalformedJsonNamingTheOffset() {
        String[] bad = {
            "", "   ", "{", "}", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "{\"a\":1}x", "\"open",
            "\"bad \\x escape\"", "\"short \\u12\"", "\"not hex \\u+041\"", "\"tab\tinside\"", "tru", "nul", "True",
            "01", "-", "+1", "1.", ".5", "1e", "1.2.3", "--1", "1e+", "NaN", "Infinity", "{\"a\":1,\"a\":2}",
        };
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text), () -> "accepted: " + text);
            assertTrue(e.getMessage().startsWith("JSON: ") && e.getMessage().contains("at offset"), e.getMessage());
        }
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertTrue(dup.getMessage().contains("duplicate key \"a\""), dup.getMessage());
    }

    @Test
    void rejectsVeryDeepNesting() {
        char[] open = new char[100];
        Arrays.fill(open, '[');
        char[] close = new char[100];
        Arrays.fill(close, ']');
        String deep = new String(open) + new String(close);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
        String ok = "[".repeat(60) + "]".repeat(60);
        assertEquals(List.class.isInstance(Json.parse(ok)), true);
    }

    @Test
    void parsesWhatQuoteWrites() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("architecture", "Sequential(Linear(22, 128), ReLU())");
        meta.put("note", "line 1\nline 2 \"quoted\"");
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : meta.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
        }
        assertEquals(meta, Json.parse(sb.append('}').toString()));
    }
}
