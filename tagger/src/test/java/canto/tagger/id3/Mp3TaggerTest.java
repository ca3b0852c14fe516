package canto.tagger.id3;

import static canto.tagger.id3.Mp3Fixtures.afterTag;
import static canto.tagger.id3.Mp3Fixtures.audio;
import static canto.tagger.id3.Mp3Fixtures.concat;
import static canto.tagger.id3.Mp3Fixtures.id3v1;
import static canto.tagger.id3.Mp3Fixtures.richFile;
import static canto.tagger.id3.Mp3Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.Mp3File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Mp3TaggerTest {
    @TempDir
    Path dir;

    static Mp3Facts read(Path file) throws Exception {
        return Mp3Reader.read(file);
    }

    static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(SafeReplacer.TEMP_PREFIX)).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Id3Version.class)
    void writesChineseArtistAndTitleThatReadBackIntact(Id3Version version) throws Exception {
        byte[] original = audio(20, 3);
        Path f = write(dir.resolve("a.mp3"), original);

        TagResult r = new Mp3Tagger(version, false).tag(f, "江海迦", "小問題 😀");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        ID3v2 tag = new Mp3File(f).getId3v2Tag();
        assertEquals(version.major() + ".0", tag.getVersion());
        assertEquals("江海迦", tag.getArtist());
        assertEquals("小問題 😀", tag.getTitle());
        Mp3Facts back = read(f);
        assertEquals(Id3Text.UTF16, back.encodingOf("TPE1"), "non-Latin text is UTF-16 with BOM (encoding 1)");
        byte[] tpe1 = back.frames().stream().filter(x -> x.id().equals("TPE1")).findFirst().orElseThrow().data();
        assertEquals((byte) 0xFF, tpe1[1]);
        assertEquals((byte) 0xFE, tpe1[2]);
        assertArrayEquals(original, afterTag(Files.readAllBytes(f)), "audio bytes identical");
        assertTrue(leftovers(dir).isEmpty());
    }

    @Test
    void latinTextIsWrittenAsIso88591() throws Exception {
        Path f = write(dir.resolve("b.mp3"), audio(10, 1));
        new Mp3Tagger(Id3Version.V2_3, false).tag(f, "Beyoncé", "Halo");
        Mp3Facts back = read(f);
        assertEquals(Id3Text.LATIN1, back.encodingOf("TPE1"));
        assertEquals("Beyoncé", back.text("TPE1"));
    }

    @Test
    void keepsAlbumArtCommentsOtherFramesAndId3v1() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("rich.mp3"), original);
        Mp3Facts before = read(f);

        TagResult r = new Mp3Tagger(CorruptFileFuzzTest.keepId3v1(Id3Version.V2_3), false).tag(f, "陳奕迅", "富士山下");

        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        byte[] now = Files.readAllBytes(f);
        assertArrayEquals(afterTag(original), afterTag(now), "audio and ID3v1 kept byte for byte");
        assertArrayEquals(Arrays.copyOfRange(original, original.length - 128, original.length),
                Arrays.copyOfRange(now, now.length - 128, now.length));
        Mp3Facts after = read(f);
        for (String id : List.of("APIC", "COMM", "TALB")) {
            assertArrayEquals(frame(before, id), frame(after, id), id + " kept");
        }
        assertEquals("陳奕迅", after.text("TPE1"));
        assertEquals("富士山下", after.text("TIT2"));
        assertTrue(after.hasId3v1());
        Mp3File m = new Mp3File(f);
        assertEquals("Old Title", m.getId3v1Tag().getTitle());
        assertEquals("image/jpeg", m.getId3v2Tag().getAlbumImageMimeType());
        assertArrayEquals(Mp3Fixtures.image(700, 5), m.getId3v2Tag().getAlbumImage());
    }

    static byte[] frame(Mp3Facts facts, String id) {
        return facts.frames().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().data();
    }

    @Test
    void rerunningWithTheSameResultDoesNotRewrite() throws Exception {
        Path f = write(dir.resolve("c.mp3"), richFile());
        Mp3Tagger tagger = new Mp3Tagger(Id3Version.V2_3, false);
        assertEquals(TagResult.Status.TAGGED, tagger.tag(f, "容祖兒", "我的驕傲").status());
        byte[] once = Files.readAllBytes(f);
        var mtime = Files.getLastModifiedTime(f);

        TagResult again = tagger.tag(f, "容祖兒", "我的驕傲");

        assertEquals(TagResult.Status.UNCHANGED, again.status());
        assertArrayEquals(once, Files.readAllBytes(f));
        assertEquals(mtime, Files.getLastModifiedTime(f));
        assertEquals(TagResult.Status.TAGGED, tagger.tag(f, "容祖兒", "另一首").status(), "a different title is written");
    }

    @Test
    void aMissingArtistLeavesTpe1AsItWas() throws Exception {
        Path f = write(dir.resolve("d.mp3"), richFile());
        TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, null, "新歌");
        assertEquals(TagResult.Status.TAGGED, r.status());
        assertNull(r.artist());
        Mp3Facts after = read(f);
        assertEquals("Old Artist", after.text("TPE1"));
        assertEquals("新歌", after.text("TIT2"));
    }

    @Test
    void nothingFoundSkipsTheFileWithoutTouchingIt() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("e.mp3"), original);
        assertEquals(TagResult.Status.SKIPPED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, " ", null).status());
        assertArrayEquals(original, Files.readAllBytes(f));
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("f.mp3"), original);
        var mtime = Files.getLastModifiedTime(f);
        TagResult r = new Mp3Tagger(Id3Version.V2_3, true).tag(f, "林峯", "愛在記憶中找你");
        assertEquals(TagResult.Status.WOULD_TAG, r.status());
        assertEquals("林峯", r.artist());
        assertArrayEquals(original, Files.readAllBytes(f));
        assertEquals(mtime, Files.getLastModifiedTime(f));
        assertTrue(leftovers(dir).isEmpty());
    }

    @Test
    void aFailingCheckLeavesTheOriginalByteIdenticalAndNoTemporaryFile() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("g.mp3"), original);
        Path[] seen = new Path[1];
        TempFileCheck failing = (temp, intent) -> {
            seen[0] = temp;
            new WrittenFileVerifier().check(temp, intent); // the real check passes...
            throw new TagException("injected failure"); // ...then the write "fails" mid-way
        };

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false, failing, FileMover.ATOMIC).tag(f, "A", "B");

        assertEquals(TagResult.Status.FAILED, r.status());
        assertEquals("injected failure", r.error());
        assertArrayEquals(original, Files.readAllBytes(f));
        assertTrue(seen[0] != null && seen[0].getParent().equals(f.toRealPath().getParent()), "temp file in the same folder");
        assertTrue(Files.notExists(seen[0]));
        assertTrue(leftovers(dir).isEmpty());
    }

    @Test
    void aCheckThatCorruptsTheTemporaryFileIsCaughtByTheVerifier() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("h.mp3"), original);
        TempFileCheck corruptThenVerify = (temp, intent) -> {
            byte[] b = Files.readAllBytes(temp);
            b[b.length - 300] ^= 0x55; // one audio byte flipped on the way to disk
            Files.write(temp, b);
            new WrittenFileVerifier().check(temp, intent);
        };

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false, corruptThenVerify, FileMover.ATOMIC).tag(f, "A", "B");

        assertEquals(TagResult.Status.FAILED, r.status());
        assertTrue(r.error().contains("audio bytes differ"), r.error());
        assertArrayEquals(original, Files.readAllBytes(f));
        assertTrue(leftovers(dir).isEmpty());
    }

    @Test
    void aFailingRenameLeavesTheOriginalByteIdenticalAndNoTemporaryFile() throws Exception {
        byte[] original = richFile();
        Path f = write(dir.resolve("i.mp3"), original);
        FileMover failing = (temp, target) -> {
            throw new java.nio.file.FileSystemException(temp.toString(), target.toString(), "injected rename failure");
        };

        TagResult r = new Mp3Tagger(Id3Version.V2_3, false, new WrittenFileVerifier(), failing).tag(f, "A", "B");

        assertEquals(TagResult.Status.FAILED, r.status());
        assertEquals("injected rename failure", r.error());
        assertArrayEquals(original, Files.readAllBytes(f));
        assertTrue(leftovers(dir).isEmpty());
    }

    @Test
    void bytesOutsideTheTagAreAllKeptEvenJunkAfterTheAudio() throws Exception {
        byte[] junk = "APETAGEX-not-really-but-kept".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] body = concat(audio(12, 9), junk, id3v1("T", "A"));
        Path f = write(dir.resolve("j.mp3"), concat(Mp3Fixtures.tag(4, 0, Mp3Fixtures.text("TSSE", 0, "Lavf58.76.100")), body));
        TagResult r = new Mp3Tagger(CorruptFileFuzzTest.keepId3v1(Id3Version.V2_3), false).tag(f, "A", "B");
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertArrayEquals(body, afterTag(Files.readAllBytes(f)));
    }

    @Test
    void permissionsAreKept() throws Exception {
        Path f = write(dir.resolve("k.mp3"), audio(10, 2));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileAttributeView(f, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(f, perms);
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, "A", "B").status());
        assertEquals(perms, Files.getPosixFilePermissions(f));
    }

    @Test
    void aSymbolicLinkTagsTheFileItPointsTo() throws Exception {
        Path real = write(dir.resolve("real.mp3"), audio(10, 2));
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.mp3"), real);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here");
            return;
        }
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(Id3Version.V2_3, false).tag(link, "A", "B").status());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("B", read(real).text("TIT2"));
    }
}
