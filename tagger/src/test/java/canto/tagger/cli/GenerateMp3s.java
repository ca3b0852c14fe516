package canto.tagger.cli;

import canto.tagger.id3.Mp3Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes COUNT small valid MP3 files named like yt-dlp / youtube-dl downloads, for the
 * tagging benchmark in docs/TAGGER.md (not a test):
 * {@code java -cp tagger/target/classes:tagger/target/test-classes canto.tagger.cli.GenerateMp3s DIR COUNT [FRAMES]}.
 * Each file has an ID3v2.4 tag like ffmpeg's (so the tagger converts it), FRAMES silent
 * MPEG frames of 417 bytes (default 30; 8,600 frames is about a 3.6 MB, 3:45 song) and an ID3v1 tag.
 */
public final class GenerateMp3s {
    private static final String[] TITLES = {
        "AGA 江海迦 - 《小問題%d》MV-w1TMv7jx8ew",
        "陳奕迅 Eason Chan -《富士山下%d》MV [Ab3dE_gh1jk]",
        "容祖兒 Joey Yung《我的驕傲%d》Official Music Video-Zx9_yW8vU7Q",
        "Twins - 下一站天后%d (Official MV) [Tw1nsTw1nsA]",
        "林峯 Raymond Lam - 愛在記憶中找你%d (劇集《天與地》主題曲) Lyric Video-Qa1Ws2Ed3Rg",
    };

    private GenerateMp3s() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Files.createDirectories(dir);
        byte[] audio = Mp3Fixtures.audio(frames, 1);
        for (int i = 0; i < count; i++) {
            String title = String.format(TITLES[i % TITLES.length], i);
            Files.write(dir.resolve(title + ".mp3"), Mp3Fixtures.concat(Mp3Fixtures.ffmpegStyleTag(), audio, Mp3Fixtures.id3v1("t", "a")));
        }
    }
}
