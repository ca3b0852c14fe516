package canto.tagger.id3;

import static canto.tagger.id3.Mp3Fixtures.audio;
import static canto.tagger.id3.Mp3Fixtures.richFile;
import static canto.tagger.id3.Mp3Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {
    @TempDir
    Path dir;

    private final Mp3Tagger tagger = new Mp3Tagger(Id3Version.V2_3, false);

    private void assertFailsUntouched(Path f, String reasonPart) throws Exception {
        byte[] before = Files.exists(f) && !Files.isDirectory(f) ? Files.readAllBytes(f) : null;
        TagResult r = tagger.tag(f, "A", "B");
        assertEquals(TagResult.Status.FAILED, r.status());
        assertTrue(r.error().contains(reasonPart), r.error());
        assertTrue(!r.error().contains("\n"), "one line");
        if (before != null) assertArrayEquals(before, Files.readAllBytes(f));
        assertTrue(Mp3TaggerTest.leftovers(dir).isEmpty());
    }

    @Test
    void missingFile() throws Exception {
        assertFailsUntouched(dir.resolve("nope.mp3"), "no such file");
    }

    @Test
    void emptyFile() throws Exception {
        assertFailsUntouched(write(dir.resolve("empty.mp3"), new byte[0]), "empty file");
    }

    @Test
    void textFileIsNotAnMp3() throws Exception {
        assertFailsUntouched(write(dir.resolve("notes.mp3"), "just some text\n".repeat(50).getBytes(StandardCharsets.UTF_8)),
                "is a text file, not MP3");
    }

    @Test
    void folder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("folder.mp3"));
        assertFailsUntouched(d, "folder");
    }

    @Test
    void tagLargerThanTheFile() throws Exception {
        byte[] b = richFile();
        assertFailsUntouched(write(dir.resolve("trunc.mp3"), Arrays.copyOf(b, 300)), "truncated");
    }

    @Test
    void damagedTagSize() throws Exception {
        byte[] b = richFile();
        b[7] = (byte) 0x90; // a synchsafe size byte with the high bit set
        assertFailsUntouched(write(dir.resolve("bad-size.mp3"), b), "bad tag size");
    }

    @Test
    void anId3v22HeaderOverFramesOfAnotherVersionIsRefused() throws Exception {
        byte[] b = richFile();
        b[3] = 2; // 2.2 frames have 3-letter ids: "TPE" with a 3-byte size "1\0\0" would claim far too much
        assertFailsUntouched(write(dir.resolve("v22.mp3"), b), "ID3v2.2");
    }

    @Test
    void aFrameClaimingGigabytesIsRefusedBeforeMp3agicAllocatesThem() throws Exception {
        byte[] b = richFile();
        b[14] = 0x7F; // TPE1's 32-bit size: about 2 GB
        long t0 = System.nanoTime();
        assertFailsUntouched(write(dir.resolve("huge-frame.mp3"), b), "frame TPE1 claims");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no giant allocation");
    }

    @Test
    void framesMp3agicWouldSkipSilentlyAreNotLost() throws Exception {
        byte[] b = Mp3Fixtures.concat(Mp3Fixtures.tag(3, 0, Mp3Fixtures.text("TPE1", 0, "A"),
                Mp3Fixtures.text("TxYZ", 0, "odd id"), Mp3Fixtures.text("TALB", 0, "after the odd one")), audio(10, 1));
        assertFailsUntouched(write(dir.resolve("odd-frame.mp3"), b), "unreadable frame");
    }

    @Test
    void readOnlyFile() throws Exception {
        Path f = write(dir.resolve("ro.mp3"), audio(10, 1));
        Assumptions.assumeTrue(Files.getFileAttributeView(f, PosixFileAttributeView.class) != null, "POSIX permissions");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assertFailsUntouched(f, "read-only file");
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void readOnlyFolder() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("ro-folder"));
        Path f = write(sub.resolve("x.mp3"), audio(10, 1));
        Assumptions.assumeTrue(Files.getFileAttributeView(f, PosixFileAttributeView.class) != null, "POSIX permissions");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            byte[] before = Files.readAllBytes(f);
            TagResult r = tagger.tag(f, "A", "B");
            assertEquals(TagResult.Status.FAILED, r.status());
            assertTrue(r.error().contains("read-only folder"), r.error());
            assertArrayEquals(before, Files.readAllBytes(f));
            try (var s = Files.list(sub)) {
                assertEquals(1, s.count(), "no temporary file");
            }
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static boolean utf8FileNames() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return java.io.File.separatorChar == '\\' || (jnu != null && Charset.forName(jnu).equals(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3",
            "容祖兒 Joey Yung - 我的驕傲 [abcdefghijk].mp3",
            "emoji 😀🎵 song.mp3",
            "it's \"quoted\" & spaced  out.mp3",
            " leading space.MP3",
            "-starts-with-dash.mp3"})
    void oddAndNonAsciiFileNamesWork(String name) throws Exception {
        Assumptions.assumeTrue(utf8FileNames(), "file names need a UTF-8 locale (sun.jnu.encoding)");
        byte[] original = richFile();
        Path f = write(dir.resolve(name), original);
        TagResult r = new Mp3Tagger(CorruptFileFuzzTest.keepId3v1(Id3Version.V2_3), false).tag(f, "江海迦", "小問題");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertEquals("小問題", Mp3Reader.read(f).text("TIT2"));
        assertArrayEquals(Mp3Fixtures.afterTag(original), Mp3Fixtures.afterTag(Files.readAllBytes(f)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the tagged file is left");
        }
    }
}
