package canto.tagger.id3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files are locked while they exist; stale ones are removed by later runs; a file being tagged elsewhere is skipped. */
class TempAndLockTest {
    @TempDir
    Path dir;

    @Test
    void aStaleTemporaryFileIsRemovedAndALiveOneIsKept() throws Exception {
        Path stale = Files.write(dir.resolve(".tagger-12345.tmp"), new byte[5000]);
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = Files.write(dir.resolve(".tagger-777.tmp"), new byte[10]); // just created: its writer may not hold the lock yet
        Path other = Files.write(dir.resolve(".tagger-notes.txt"), new byte[10]); // not our naming
        Path live = Files.write(dir.resolve(".tagger-999.tmp"), new byte[10]);
        Files.setLastModifiedTime(live, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path f = Mp3Fixtures.write(dir.resolve("a.mp3"), Mp3Fixtures.richFile());
        TagResult r;
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, "A", "B");
        }
        assertEquals(TagResult.Status.TAGGED, r.status(), r.error());
        assertTrue(r.notes().contains("removed .tagger-12345.tmp, a temporary file left by a run that stopped"), r.notes().toString());
        assertTrue(Files.notExists(stale));
        assertTrue(Files.exists(fresh) && Files.exists(other) && Files.exists(live), "young, foreign and locked files kept");
    }

    @Test
    void aStaleTemporaryFileLockedByAnotherProcessIsKept() throws Exception {
        Path held = Files.write(dir.resolve(".tagger-4242.tmp"), new byte[10]);
        Files.setLastModifiedTime(held, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Process p = lockInAnotherJvm(held);
        try {
            assertEquals(List.of(), StaleTemps.clean(dir));
            assertTrue(Files.exists(held));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(".tagger-4242.tmp"), StaleTemps.clean(dir), "once its holder is gone it is stale");
    }

    @Test
    void aFileBeingTaggedByAnotherProcessIsSkipped() throws Exception {
        byte[] original = Mp3Fixtures.richFile();
        Path f = Mp3Fixtures.write(dir.resolve("busy.mp3"), original);
        Process p = lockInAnotherJvm(f);
        try {
            TagResult r = new Mp3Tagger(Id3Version.V2_3, false).tag(f, "A", "B");
            assertEquals(TagResult.Status.SKIPPED, r.status());
            assertEquals(Mp3Tagger.BUSY, r.error());
            assertArrayEquals(original, Files.readAllBytes(f));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(TagResult.Status.TAGGED, new Mp3Tagger(Id3Version.V2_3, false).tag(f, "A", "B").status());
    }

    @Test
    void twoThreadsOnOneFolderEndRightWithoutErrors() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 30; i++) files.add(Mp3Fixtures.write(dir.resolve("song" + i + ".mp3"), Mp3Fixtures.richFile()));
        List<TagResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable run = () -> {
            Mp3Tagger t = new Mp3Tagger(Id3Version.V2_3, false);
            for (Path f : files) results.add(t.tag(f, "江海迦", "小問題"));
        };
        Thread a = new Thread(run), b = new Thread(run);
        a.start(); b.start();
        a.join(); b.join();
        for (TagResult r : results) {
            assertTrue(r.status() != TagResult.Status.FAILED, r.error());
        }
        for (Path f : files) assertEquals("小問題", Mp3Reader.read(f).text("TIT2"));
        try (var s = Files.list(dir)) {
            assertEquals(30, s.count(), "no temporary files left");
        }
    }

    /** Starts a JVM that locks {@code file} and waits; returns once the lock is held. */
    private static Process lockInAnotherJvm(Path file) throws Exception {
        Path src = Files.createTempFile("Hold", ".java");
        Files.writeString(src, "import java.nio.channels.*; import java.nio.file.*;\n"
                + "public class Hold { public static void main(String[] a) throws Exception {\n"
                + " FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE); c.lock();\n"
                + " System.out.println(\"locked\"); System.out.flush(); Thread.sleep(60000); } }\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, src.toString(), file.toString()).redirectErrorStream(true).start();
        byte[] buf = new byte[6];
        int n = p.getInputStream().readNBytes(buf, 0, 6);
        assertEquals("locked", new String(buf, 0, n), "helper JVM holds the lock");
        return p;
    }
}
