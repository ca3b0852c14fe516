package canto.tagger.cli;

import canto.tagger.model.ParsedTitle;
import canto.tagger.model.TitleParser;
import java.util.List;
import java.util.Locale;

/**
 * A test double for the title parser: "ARTIST - TITLE.mp3" gives both; a name starting with
 * "title-only" gives only a title, "nothing" gives neither, "boom" throws, "unsure A - B" gives
 * both at confidence 0.3 flagged for review.
 */
final class FakeParser implements TitleParser {
    @Override
    public ParsedTitle parse(String name) {
        String s = name.toLowerCase(Locale.ROOT).endsWith(".mp3") ? name.substring(0, name.length() - 4) : name;
        if (s.startsWith("boom")) throw new IllegalStateException("parser exploded");
        if (s.startsWith("nothing")) return new ParsedTitle(name, List.of(), List.of(), 0.1);
        if (s.startsWith("title-only")) return new ParsedTitle(name, List.of(), List.of(s), 0.5);
        int dash = s.indexOf(" - ");
        if (s.startsWith("unsure")) return new ParsedTitle(name, List.of(s.substring(0, dash)), List.of(s.substring(dash + 3)), 0.3, true);
        if (dash < 0) return new ParsedTitle(name, List.of(), List.of(s), 0.5);
        return new ParsedTitle(name, List.of(s.substring(0, dash)), List.of(s.substring(dash + 3)), 0.9);
    }
}
