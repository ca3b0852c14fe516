package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,200 seeded corruptions of valid files (truncations, flipped bytes, garbage headers, bad tag
 * and frame sizes, zeroed and inserted ranges, random files). For each: no exception escapes;
 * a file that was not tagged is byte-identical afterwards; a file that was tagged kept every
 * byte after its tag and reads back with the new title; no temporary file is left.
 */
class CorruptFileFuzzTest {
    private static final int VARIANTS = 1200;
    private static final long SEED = 20240611L;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void corruptedFilesNeverEscapeAsExceptionsAndAreNeverDamaged() throws Exception {
        byte[][] bases = {Mp3Fixtures.richFile(), ffmpegStyle(), Mp3Fixtures.audio(12, 7)};
        SplittableRandom rnd = new SplittableRandom(SEED);
        // ID3v1 kept (--id3v1 keep) so that every byte after the tag must be unchanged; without the flush to disk (it only costs time here); everything else as for users.
        Mp3Tagger tagger = new Mp3Tagger(keepId3v1(Id3Version.V2_3), false, new WrittenFileVerifier(), FileMover.ATOMIC, false);
        Map<TagResult.Status, Integer> seen = new EnumMap<>(TagResult.Status.class);
        for (int i = 0; i < VARIANTS; i++) {
            byte[] base = bases[i % bases.length];
            int kind = rnd.nextInt(10);
            byte[] variant = mutate(base, kind, rnd);
            Path f = dir.resolve("variant-" + i + ".mp3");
            Files.write(f, variant);
            String what = "variant " + i + " (mutation " + kind + ", seed " + SEED + ")";

            TagResult r = tagger.tag(f, "江海迦", "小問題");

            seen.merge(r.status(), 1, Integer::sum);
            byte[] now = Files.readAllBytes(f);
            if (r.status() == TagResult.Status.TAGGED) {
                assertArrayEquals(Mp3Fixtures.afterTag(variant), Mp3Fixtures.afterTag(now), what + ": bytes after the tag kept");
                assertEquals("小問題", Mp3Reader.read(f).text("TIT2"), what);
            } else {
                assertEquals(TagResult.Status.FAILED, r.status(), what);
                assertTrue(r.error() != null && !r.error().isBlank() && !r.error().contains("\n"), what + ": " + r.error());
                assertArrayEquals(variant, now, what + ": untouched after '" + r.error() + "'");
            }
            try (var s = Files.list(dir)) {
                assertEquals(1, s.count(), what + ": no temporary file left");
            }
            Files.delete(f);
        }
        // Both outcomes must be exercised, or the fuzz proves nothing.
        assertTrue(seen.getOrDefault(TagResult.Status.TAGGED, 0) > 100, seen.toString());
        assertTrue(seen.getOrDefault(TagResult.Status.FAILED, 0) > 100, seen.toString());
    }

    private static byte[] ffmpegStyle() {
        return Mp3Fixtures.concat(Mp3Fixtures.tag(4, 0,
                Mp3Fixtures.text("TSSE", 3, "Lavf60.16.100"),
                Mp3Fixtures.text("TDRC", 0, "2019"),
                Mp3Fixtures.comment(3, "", "留言")), Mp3Fixtures.audio(10, 2));
    }

    static byte[] mutate(byte[] base, int kind, SplittableRandom rnd) {
        byte[] b = base.clone();
        int tagEnd = base.length - Mp3Fixtures.afterTag(base).length;
        switch (kind) {
            case 0: // truncation
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 1: // flipped bytes anywhere
                for (int n = 1 + rnd.nextInt(8); n > 0; n--) b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                return b;
            case 2: // flipped bytes in the first 64 (tag header, first frame headers)
                for (int n = 1 + rnd.nextInt(3); n > 0; n--) b[rnd.nextInt(Math.min(64, b.length))] ^= (byte) (1 + rnd.nextInt(255));
                return b;
            case 3: { // garbage header
                int n = 4 + rnd.nextInt(60);
                for (int j = 0; j < n && j < b.length; j++) b[j] = (byte) rnd.nextInt(256);
                if (rnd.nextBoolean()) { b[0] = 'I'; b[1] = 'D'; b[2] = '3'; }
                return b;
            }
            case 4: // bad tag size (any byte values, high bits included)
                if (b.length >= 10 && tagEnd > 0) for (int j = 6; j < 10; j++) b[j] = (byte) rnd.nextInt(rnd.nextBoolean() ? 128 : 256);
                else b[rnd.nextInt(b.length)] ^= 1;
                return b;
            case 5: { // bad frame size somewhere inside the tag
                int at = tagEnd > 20 ? 10 + rnd.nextInt(tagEnd - 14) : rnd.nextInt(b.length - 4);
                for (int j = 0; j < 4; j++) b[at + j] = (byte) rnd.nextInt(256);
                return b;
            }
            case 6: { // a zeroed range
                int from = rnd.nextInt(b.length), len = 1 + rnd.nextInt(600);
                Arrays.fill(b, from, Math.min(b.length, from + len), (byte) 0);
                return b;
            }
            case 7: { // random bytes inserted
                int at = rnd.nextInt(b.length), len = 1 + rnd.nextInt(40);
                byte[] ins = new byte[len];
                rnd.nextBytes(ins);
                return Mp3Fixtures.concat(Arrays.copyOf(b, at), ins, Arrays.copyOfRange(b, at, b.length));
            }
            case 8: // damaged MPEG frame headers
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    int frame = tagEnd + rnd.nextInt(Math.max(1, (b.length - tagEnd) / Mp3Fixtures.FRAME_LENGTH)) * Mp3Fixtures.FRAME_LENGTH;
                    if (frame + 4 <= b.length) b[frame + rnd.nextInt(4)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            default: { // a random file
                byte[] r = new byte[rnd.nextInt(4000)];
                rnd.nextBytes(r);
                return r;
            }
        }
    }

    static TagSettings keepId3v1(Id3Version v) {
        return new TagSettings(v, Id3v1Policy.KEEP, "latin1", CoverPolicy.KEEP, 500);
    }
}
