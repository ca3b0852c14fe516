package canto.tagger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to parse for one file, as yt-dlp users run it:
 * <ol>
 *   <li>{@code --title TEXT} (one file): that text, e.g. {@code --exec 'java -jar tagger.jar --title %(title)q {}'};</li>
 *   <li>{@code NAME.info.json} beside {@code NAME.mp3} ({@code yt-dlp --write-info-json}): when it
 *       has both {@code artist} and {@code track} (YouTube Music provides them) those are
 *       written as they are; otherwise its raw {@code title} is parsed — the exact video title,
 *       without yt-dlp's file-name substitutions;</li>
 *   <li>the file name, with yt-dlp's substitutes for {@code /} and {@code \} ({@code ⧸ ⧹},
 *       which no real title uses) turned back; its full-width {@code ： ？ ＂ ＊ ｜} are kept
 *       (Chinese titles use them as real punctuation). A name made only of ASCII with
 *       {@code _} for spaces is what {@code --restrict-filenames} leaves of a Chinese title
 *       (every CJK character became {@code _}): it cannot be parsed, and the file is skipped.</li>
 * </ol>
 */
record TitleSource(String text, String artist, String title, String skipReason, String from) {
    /** yt-dlp writes the artists of a track as "A, B"; we join pieces with " / " (see TAGGER.md). */
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile("\\s*,\\s+");
    private static final Pattern RESTRICTED = Pattern.compile("[\\x21-\\x7E]*_[\\x21-\\x7E]*");

    static TitleSource of(Path file, String titleOption) {
        if (titleOption != null) return new TitleSource(titleOption, null, null, null, "--title");
        String name = file.getFileName().toString();
        Path info = infoJson(file);
        if (info != null) {
            try {
                Map<String, String> fields = JsonStrings.read(Files.readString(info, StandardCharsets.UTF_8));
                if (fields != null) {
                    String artist = blankToNull(fields.get("artist")), track = blankToNull(fields.get("track"));
                    if (artist != null && track != null) {
                        return new TitleSource(null, ARTIST_SEPARATOR.matcher(artist.strip()).replaceAll(" / "), track.strip(), null,
                                info.getFileName().toString());
                    }
                    String title = blankToNull(fields.get("title"));
                    if (title != null) return new TitleSource(title, null, null, null, info.getFileName().toString());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable or not JSON: fall back to the file name
            }
        }
        String stem = stem(name);
        if (RESTRICTED.matcher(stem).matches()) {
            return new TitleSource(null, null, null, "the name looks like yt-dlp --restrict-filenames output (Chinese turned into _)"
                    + " and cannot be parsed; use yt-dlp --write-info-json or --title (file left alone)", null);
        }
        return new TitleSource(name.replace('\u29F8', '/').replace('\u29F9', '\\'), null, null, null, null);
    }

    /** {@code NAME.info.json} beside {@code NAME.EXT}, when it exists. */
    static Path infoJson(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path p = file.resolveSibling(base + ".info.json");
        return Files.isRegularFile(p) ? p : null;
    }

    /** The name without its extension and without a youtube-dl "-ID" / yt-dlp " [ID]" suffix. */
    static String stem(String name) {
        String s = name;
        int dot = s.lastIndexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        s = s.replaceFirst("\\s*\\[[A-Za-z0-9_-]{11}\\]$", "").replaceFirst("-[A-Za-z0-9_-]{11}$", "");
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
