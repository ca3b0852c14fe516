package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that are not MP3 but are named {@code .mp3} (a yt-dlp run without {@code --audio-format
 * mp3}, a renamed download, a failed download's web page) are refused with what they are, and
 * never get an ID3v2 tag prepended. Built by hand from each format's first bytes, and — where
 * ffmpeg is installed — made by ffmpeg itself.
 */
class OtherContainersTest {
    @TempDir
    Path dir;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The first bytes of each format, then bytes that contain MPEG-looking sync words (as real payloads do). */
    private static byte[] withPayload(byte[] head) {
        byte[] payload = new byte[20_000];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) r.nextInt(256);
        for (int i = 0; i < payload.length - 4; i += 997) { // scattered FF FB 90 64 headers, not chained
            payload[i] = (byte) 0xFF; payload[i + 1] = (byte) 0xFB; payload[i + 2] = (byte) 0x90; payload[i + 3] = 0x64;
        }
        return Mp3Fixtures.concat(head, payload);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "m4a   | 0000001C667479704D344120 | an M4A (MP4) file",
            "mp4   | 000000206674797069736F6D | an MP4 file",
            "webm  | 1A45DFA39F4286810142F7810142F2810442F381084282847765626D | a WebM file",
            "mka   | 1A45DFA39F4286810142F7810142F2810442F38108428288 6D6174726F736B61 | a Matroska (MKV/MKA) file",
            "opus  | 4F67675300020000000000000000 11111111 00000000 00000000 01 13 4F707573486561640102 | an Opus (Ogg) file",
            "vorbis| 4F67675300020000000000000000 11111111 00000000 00000000 01 1E 01766F72626973 | an Ogg Vorbis file",
            "flac  | 664C614300000022 | a FLAC file",
            "wav   | 52494646 24080000 57415645 666D7420 | a WAV file",
            "png   | 89504E470D0A1A0A0000000D49484452 | a PNG image",
            "jpeg  | FFD8FFE000104A464946 | a JPEG image",
            "aac   | FFF15080 | an AAC (ADTS) file"})
    void aFileOfAnotherFormatIsRefusedWithItsName(String name, String hex, String kind) throws Exception {
        byte[] original = withPayload(hex(hex));
        assertRefused(name + ".mp3", original, "is " + kind + ", not MP3");
        // the same behind an ID3v2 tag (ffmpeg and taggers put one on FLAC, AAC, even M4A files)
        assertRefused(name + "-tagged.mp3", Mp3Fixtures.concat(Mp3Fixtures.tag(4, 0, Mp3Fixtures.text("TSSE", 3, "Lavf")), original),
                "is " + kind + ", not MP3");
    }

    @Test
    void aWebPageAndRandomBytesAreRefused() throws Exception {
        assertRefused("page.mp3", ascii("<!DOCTYPE html><html><body>Video unavailable</body></html>\n".repeat(5)),
                "is a web page (HTML), not MP3");
        byte[] random = new byte[50_000];
        new SplittableRandom(11).nextBytes(random);
        assertRefused("random.mp3", random, "not an MP3 file (no MPEG audio frames found)");
    }

    @Test
    void filesMadeByFfmpegInOtherFormatsAreRefusedAndItsMp3IsTagged() throws Exception {
        IndependentReaders.assumeFfmpeg();
        String[][] formats = {{"m4a", "aac", "M4A (MP4)"}, {"webm", "libopus", "WebM"}, {"opus", "libopus", "Opus (Ogg)"},
            {"ogg", "libvorbis", "Ogg Vorbis"}, {"flac", "flac", "FLAC"}, {"wav", "pcm_s16le", "WAV"}};
        for (String[] f : formats) {
            Path made = dir.resolve("made." + f[0]);
            List<String> out = IndependentReaders.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                    "-c:a", f[1], "-metadata", "title=x", made.toString()));
            if (!Files.exists(made)) {
                System.out.println("skipped " + f[0] + ": this ffmpeg cannot write it (" + String.join(" ", out) + ")");
                continue;
            }
            Path named = dir.resolve("Artist - Song " + f[0] + ".mp3");
            Files.move(made, named);
            String article = "AEIOU".indexOf(f[2].charAt(0)) >= 0 || f[2].startsWith("M4A") || f[2].startsWith("Ogg") ? "an " : "a ";
            assertRefused(named.getFileName().toString(), Files.readAllBytes(named), "is " + article + f[2] + " file, not MP3");
        }
        Path mp3 = dir.resolve("Artist - Song.mp3");
        IndependentReaders.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:a", "libmp3lame", "-metadata", "title=old", mp3.toString()));
        if (Files.exists(mp3)) {
            TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(mp3, "江海迦", "小問題");
            assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        }
    }

    private void assertRefused(String name, byte[] original, String reason) throws Exception {
        Path f = Mp3Fixtures.write(dir.resolve(name), original);
        for (Id3Version v : Id3Version.values()) {
            for (boolean dry : new boolean[] {true, false}) {
                TagResult r = new Mp3Tagger(v, dry).tag(f, "江海迦", "小問題");
                assertEquals(TagResult.Status.FAILED, r.status(), name);
                assertEquals(reason, r.error(), name);
                assertArrayEquals(original, Files.readAllBytes(f), name + " untouched");
            }
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tagger-")), "no temporary file");
        }
    }

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
