package canto.tagger.tokens;

import canto.tagger.model.TitleParser;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what {@link TitleParser#parse} receives — a raw video title or a file name as
 * youtube-dl / yt-dlp write it — back into the video title.
 *
 * <ul>
 *   <li>A media extension ({@code .mp3 .m4a .webm .mp4 .opus ...}) is removed, and with it any
 *       folder part before the last {@code /} or {@code \}.</li>
 *   <li>yt-dlp's {@code TITLE [ID]} and youtube-dl's {@code TITLE-ID} suffixes are removed,
 *       where ID is an 11-character YouTube id: {@code [A-Za-z0-9_-]}, the last character one of
 *       {@code AEIMQUYcgkosw048} (an id's last character carries only 4 bits).</li>
 *   <li>Without a media extension a {@code -ID} suffix is only removed when the id does not
 *       look like a word: it must hold a digit, {@code _}, {@code -} or an upper-case letter
 *       after its first character ({@code Remember-Performance} stays).</li>
 * </ul>
 * Thread-safe.
 */
public final class FileNames {
    private static final Set<String> MEDIA = Set.of("mp3", "m4a", "mp4", "webm", "opus", "ogg", "oga", "flac",
            "wav", "aac", "mkv", "mka", "flv", "3gp", "wma", "alac", "aiff", "part", "ytdl", "temp");
    private static final String ID = "[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]";
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{2,4})$");
    private static final Pattern BRACKET_ID = Pattern.compile("\\s*\\[(" + ID + ")\\]\\s*$");
    private static final Pattern DASH_ID = Pattern.compile("-(" + ID + ")\\s*$");

    private FileNames() {}

    /** The video title inside {@code input}, trimmed; the input itself (trimmed) when it is not a file name. */
    public static String toTitle(String input) {
        String s = input.strip();
        boolean fileName = false;
        for (int round = 0; round < 3; round++) { // "x.f251.webm.part": at most three media-like extensions
            Matcher ext = EXTENSION.matcher(s);
            if (!ext.find()) break;
            String e = ext.group(1).toLowerCase(Locale.ROOT);
            if (!MEDIA.contains(e) && !(fileName && e.matches("f[0-9]{2,3}"))) break;
            s = s.substring(0, ext.start());
            fileName = true;
        }
        if (fileName) {
            int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
            if (slash >= 0) s = s.substring(slash + 1);
        }
        Matcher bracket = BRACKET_ID.matcher(s);
        if (bracket.find() && bracket.start() > 0) {
            s = s.substring(0, bracket.start());
        } else {
            Matcher dash = DASH_ID.matcher(s);
            if (dash.find() && dash.start() > 0 && (fileName || notAWord(dash.group(1)))) s = s.substring(0, dash.start());
        }
        return s.strip();
    }

    private static boolean notAWord(String id) {
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isDigit(c) || c == '_' || c == '-' || Character.isUpperCase(c)) return true;
        }
        return false;
    }
}
