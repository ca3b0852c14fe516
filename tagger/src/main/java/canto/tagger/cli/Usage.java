package canto.tagger.cli;

/** The help text of the tagger command line. */
public final class Usage {
    public static final String HINT = "Try 'java -jar tagger.jar --help' for more information.";

    private Usage() {}

    public static String text() {
        return String.join("\n",
                "Usage: java -jar tagger.jar [OPTIONS] FILE|DIR...",
                "       java -jar tagger.jar parse [--json] [TITLE...]",
                "       java -jar tagger.jar learn DIR|FILE...  |  learn --forget",
                "       java -jar tagger.jar apply [--all] PLAN.tsv",
                "       java -jar tagger.jar train|eval|eval-learn|generate [--help]",
                "",
                "Finds the artist and the song title in the name of each MP3 file (a music-video",
                "title, as youtube-dl and yt-dlp name their files) and writes them as ID3v2 tags:",
                "TPE1 (artist) and TIT2 (title). Folders are searched recursively for *.mp3 files.",
                "Every other tag is kept, the audio is not touched, and a file is only replaced",
                "after the new copy was written and checked.",
                "",
                "Options:",
                "  -n, --dry-run      show what would be written; change nothing",
                "      --plan FILE    with -n: also write FILE, a plan to review and edit",
                "                     (review rows first), then 'apply FILE' writes your edits",
                "      --model FILE   parse with this model instead of yours or the bundled one",
                "      --bundled-model  ignore your model (made by 'learn' in",
                "                     $XDG_DATA_HOME/canto, default ~/.local/share/canto)",
                "  -l, --list FILE    also tag the paths listed in FILE, one per line",
                "                     (-l - reads the list from standard input)",
                "      --id3 2.3|2.4  ID3v2 version of the tags written (default 2.3: car",
                "                     stereos and older players read 2.3, many cannot read 2.4)",
                "  -h, --help         show this help and exit",
                "  -V, --version      show the version and exit",
                "  --                 end of options (for file names that start with -)",
                "",
                "Each file gets one line: TAGGED, UNCHANGED (already tagged so), SKIPPED (no",
                "artist or title found: file left alone), WOULD-TAG (with -n) or ERROR (on",
                "standard error). When only the artist or only the title is found, the other",
                "frame is left as it was.",
                "",
                "Examples:",
                "  java -jar tagger.jar 'AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3'",
                "  java -jar tagger.jar -n ~/Music/cantopop",
                "  java -jar tagger.jar -n --plan plan.tsv ~/Music/new && java -jar tagger.jar apply plan.tsv",
                "  java -jar tagger.jar learn ~/Music/cantopop     # learn from files you tagged",
                "  java -jar tagger.jar --id3 2.4 ~/Music",
                "  find ~/Music -name '*.mp3' -mtime -1 | java -jar tagger.jar -l -",
                "  yt-dlp -x --audio-format mp3 --exec 'java -jar /path/to/tagger.jar {}' URL",
                "",
                "Exit status: 0 when every file was tagged, unchanged or skipped; 1 when some",
                "file failed (the others are still done); 2 for a bad command line.");
    }
}
