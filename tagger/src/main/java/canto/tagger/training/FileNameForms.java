package canto.tagger.training;

import canto.engine.util.Rng;

/**
 * Titles as the file names youtube-dl and yt-dlp write with their default templates, character
 * substitutions included (both tools' {@code sanitize_filename}, not restricted):
 * <ul>
 *   <li>youtube-dl, {@code %(title)s-%(id)s.%(ext)s}: {@code ?} dropped, {@code "} becomes
 *       {@code '}, {@code :} becomes {@code " -"} ({@code _} inside a time such as {@code 3:45}),
 *       each of {@code \ / | * < >} becomes {@code _}.</li>
 *   <li>yt-dlp, {@code %(title)s [%(id)s].%(ext)s}: each of {@code " * : < > ? |} becomes its
 *       full-width form ({@code ＂ ＊ ： ＜ ＞ ？ ｜}), {@code /} becomes {@code ⧸} (U+29F8) and
 *       {@code \} becomes {@code ⧹} (U+29F9).</li>
 * </ul>
 * The substitutions run segment by segment, so labelled pieces keep exact spans.
 */
final class FileNameForms {
    private FileNameForms() {}

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** A YouTube id's last character carries 4 bits only. */
    private static final String ID_LAST = "AEIMQUYcgkosw048";
    private static final String[] EXT_DL = {".mp3", ".mp3", ".mp3", ".m4a", ".webm", ".mp4"};
    private static final String[] EXT_DLP = {".mp3", ".mp3", ".mp3", ".opus", ".m4a", ".webm", ".mkv"};

    /** An 11-character video id. */
    static String videoId(Rng rng) {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) sb.append(ID_CHARS.charAt(rng.nextInt(ID_CHARS.length())));
        return sb.append(ID_LAST.charAt(rng.nextInt(ID_LAST.length()))).toString();
    }

    /** youtube-dl's substitutions on one piece of a title. */
    static String youtubeDl(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c < 32 || c == 127) continue;
            if (c == '"') out.append('\'');
            else if (c == ':') {
                boolean time = i > 0 && Character.isDigit(s.charAt(i - 1)) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
                out.append(time ? "_" : " -");
            } else if ("\\/|*<>".indexOf(c) >= 0) out.append('_');
            else out.append(c);
        }
        return out.toString();
    }

    /** yt-dlp's substitutions on one piece of a title. */
    static String ytDlp(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/') out.append('\u29F8');
            else if (c == '\\') out.append('\u29F9');
            else if ("\"*:<>?|".indexOf(c) >= 0) out.append((char) (c + 0xFEE0));
            else if (c < 32 || c == 127) continue;
            else out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code title} as a youtube-dl ({@code dl}) or yt-dlp file name, or null when the tools
     * would change its ends (a leading {@code -} / {@code .}, which they rewrite, or a labelled
     * piece left empty).
     */
    static TitleBuilder asFileName(TitleBuilder title, boolean dl, Rng rng) {
        TitleBuilder b = title.map(dl ? FileNameForms::youtubeDl : FileNameForms::ytDlp);
        if (b == null || b.isEmpty()) return null;
        String t = b.title();
        if (t.startsWith("-") || t.startsWith(".") || t.startsWith("_") || t.endsWith("_") || t.contains("__")) return null;
        b.trimEnd();
        String id = videoId(rng);
        if (dl) b.text("-" + id + EXT_DL[rng.nextInt(EXT_DL.length)]);
        else b.text(" [" + id + "]" + EXT_DLP[rng.nextInt(EXT_DLP.length)]);
        return b;
    }
}
