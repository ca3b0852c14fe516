package canto.tagger.id3;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes the example library under {@code examples/library/} (committed; run from the
 * repository root after {@code mvn -B -q -pl tagger -am test-compile}):
 * {@code java -cp tagger/target/classes:tagger/target/test-classes canto.tagger.id3.MakeExamples examples/library}.
 * Tiny MP3 files (20 silent MPEG frames, 8 kB) named as youtube-dl and yt-dlp name real
 * downloads, some carrying what yt-dlp's {@code --embed-metadata --embed-thumbnail} leaves:
 * an ffmpeg ID3v2.4 tag whose TIT2 is the whole video title and TPE1 the channel, a 16:9 PNG
 * thumbnail, and an ID3v1 tag of UTF-8 cut at 30 bytes; one with {@code --write-info-json}.
 */
public final class MakeExamples {
    private MakeExamples() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/library");
        Files.createDirectories(dir);
        byte[] audio = Mp3Fixtures.audio(20, 1);

        // youtube-dl's default name ("%(title)s-%(id)s.%(ext)s"), no tags at all
        Files.write(dir.resolve("AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3"), audio);

        // yt-dlp's default name ("%(title)s [%(id)s].%(ext)s") with --embed-metadata --embed-thumbnail
        String title = "陳奕迅 Eason Chan -《富士山下》MV";
        Files.write(dir.resolve(title + " [Ab3dE_gh1jk].mp3"), Mp3Fixtures.concat(ytDlpTag(title, "EasonChanVEVO", "Ab3dE_gh1jk"),
                audio, ytDlpId3v1(title, "EasonChanVEVO")));

        // yt-dlp with --write-info-json: the exact title (with its '|', which the file name shows as '｜')
        String raw = "容祖兒 Joey Yung《我的驕傲》| Official Music Video";
        String name = raw.replace("|", "｜") + " [Zx9_yW8vU7Q]";
        Files.write(dir.resolve(name + ".mp3"), Mp3Fixtures.concat(ytDlpTag(raw, "Joey Yung", "Zx9_yW8vU7Q"), audio, ytDlpId3v1(raw, "Joey Yung")));
        Files.writeString(dir.resolve(name + ".info.json"), "{\"id\": \"Zx9_yW8vU7Q\", \"title\": \"" + raw + "\", \"channel\": \"Joey Yung\","
                + " \"duration\": 0.52, \"ext\": \"mp3\", \"webpage_url\": \"https://www.youtube.com/watch?v=Zx9_yW8vU7Q\"}\n", StandardCharsets.UTF_8);

        // an older download tagged by another tool (ID3v2.3), named by yt-dlp
        Files.write(dir.resolve("Twins - 下一站天后 (Official MV) [Tw1nsTw1nsA].mp3"), Mp3Fixtures.concat(
                Mp3Fixtures.tag(3, 64, Mp3Fixtures.text("TIT2", 1, "下一站天后 (Official MV)"), Mp3Fixtures.text("TALB", 1, "Twins 精選")),
                audio));

        // a drama theme, youtube-dl name
        Files.write(dir.resolve("林峯 Raymond Lam - 愛在記憶中找你 (劇集《天與地》主題曲) Lyric Video-Qa1Ws2Ed3Rg.mp3"), audio);

        // yt-dlp --restrict-filenames: the Chinese became '_' and cannot be parsed (skipped, said so)
        Files.write(dir.resolve("AGA_-_MV_w1TMv7jx8eX.mp3"), audio);
    }

    /** The ID3v2.4 tag ffmpeg writes for yt-dlp: UTF-8 text, TSSE, TDRC, the URL comment, the thumbnail. */
    static byte[] ytDlpTag(String title, String channel, String id) throws Exception {
        return Mp3Fixtures.tag(4, 0,
                Mp3Fixtures.text("TIT2", 3, title),
                Mp3Fixtures.text("TPE1", 3, channel),
                Mp3Fixtures.text("TDRC", 3, "2019-05-03"),
                Mp3Fixtures.comment(3, "", "https://www.youtube.com/watch?v=" + id),
                Mp3Fixtures.text("TSSE", 3, "Lavf60.16.100"),
                pngPicture());
    }

    /** A 16:9 thumbnail, 160x90 PNG (yt-dlp's are 1280x720; kept small here), as the APIC front cover. */
    static RawFrame pngPicture() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.writeBytes("image/png".getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.write(3);
        b.write(0);
        b.writeBytes(png());
        return new RawFrame("APIC", b.toByteArray());
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 90; y++) for (int x = 0; x < 160; x++) img.setRGB(x, y, (x * 255 / 160) << 16 | (y * 255 / 90) << 8 | 0x60);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** yt-dlp's ID3v1: title and artist as UTF-8 cut at 30 bytes, wherever that falls. */
    static byte[] ytDlpId3v1(String title, String artist) {
        byte[] t = new byte[128];
        t[0] = 'T'; t[1] = 'A'; t[2] = 'G';
        byte[] ti = title.getBytes(StandardCharsets.UTF_8), ar = artist.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(ti, 0, t, 3, Math.min(30, ti.length));
        System.arraycopy(ar, 0, t, 33, Math.min(30, ar.length));
        t[93] = '2'; t[94] = '0'; t[95] = '1'; t[96] = '9';
        t[127] = (byte) 255;
        return t;
    }
}
