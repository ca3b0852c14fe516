package canto.tagger.cli;

import canto.tagger.id3.CoverPolicy;
import canto.tagger.id3.Id3Version;
import canto.tagger.id3.Id3v1Policy;
import canto.tagger.id3.TagSettings;
import java.util.List;
import java.util.Locale;

/**
 * The tagging options about what is written besides artist and title, parsed for
 * {@link TagArguments}: {@code --id3v1 update|strip|keep}, {@code --id3v1-encoding latin1|big5|gbk},
 * {@code --cover keep|car|strip}, {@code --cover-size N}, {@code --title TEXT}.
 */
final class WriteArguments {
    private Id3v1Policy id3v1 = TagSettings.DEFAULT_ID3V1;
    private String id3v1Encoding = TagSettings.DEFAULT_ID3V1_ENCODING;
    private CoverPolicy cover = TagSettings.DEFAULT_COVER;
    private int coverSize = TagSettings.DEFAULT_COVER_SIZE;
    private String title;

    /**
     * Takes option {@code name} (value {@code inline}, or the next argument after index {@code i});
     * returns how many further arguments it used, or -1 when it is not one of ours.
     */
    int take(String name, String inline, List<String> args, int i) throws UsageException {
        switch (name) {
            case "--id3v1": {
                id3v1 = choice(Id3v1Policy.class, name, value(name, inline, args, i, "update, strip or keep"), "update, strip or keep");
                return inline == null ? 1 : 0;
            }
            case "--id3v1-encoding": {
                String v = value(name, inline, args, i, "latin1, big5 or gbk");
                if (TagSettings.charset(v) == null) throw new UsageException("unknown encoding '" + v + "' for --id3v1-encoding (use latin1, big5 or gbk)");
                id3v1Encoding = v.toLowerCase(Locale.ROOT);
                return inline == null ? 1 : 0;
            }
            case "--cover": {
                cover = choice(CoverPolicy.class, name, value(name, inline, args, i, "keep, car or strip"), "keep, car or strip");
                return inline == null ? 1 : 0;
            }
            case "--cover-size": {
                String v = value(name, inline, args, i, "pixels, e.g. 500");
                try {
                    coverSize = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    coverSize = -1;
                }
                if (coverSize < 16 || coverSize > 4096) throw new UsageException("--cover-size needs a number of pixels from 16 to 4096, not '" + v + "'");
                return inline == null ? 1 : 0;
            }
            case "--title": {
                title = value(name, inline, args, i, "the video title to parse instead of the file name");
                if (title.isBlank()) throw new UsageException("option --title needs a title");
                return inline == null ? 1 : 0;
            }
            default:
                return -1;
        }
    }

    private static String value(String name, String inline, List<String> args, int i, String what) throws UsageException {
        if (inline != null) return inline;
        if (i + 1 >= args.size()) throw new UsageException("option " + name + " needs a value: " + what);
        return args.get(i + 1);
    }

    TagSettings settings(Id3Version version) {
        return new TagSettings(version, id3v1, id3v1Encoding, cover, coverSize);
    }

    String title() {
        return title;
    }

    /** The constant of {@code type} named {@code v} (any case), or a usage error listing {@code choices}. */
    private static <E extends Enum<E>> E choice(Class<E> type, String option, String v, String choices) throws UsageException {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown value '" + v + "' for " + option + " (use " + choices + ")");
        }
    }
}
