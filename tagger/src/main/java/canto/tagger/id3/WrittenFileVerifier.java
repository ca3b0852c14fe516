package canto.tagger.id3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a written temporary file back and checks it against what we meant to write:
 * <ol>
 *   <li>its size, and its first bytes are exactly the new tag;</li>
 *   <li>every byte after the tag equals the original's bytes after its old tag (audio, ID3v1
 *       and anything else: nothing is lost);</li>
 *   <li>it reads back ({@link Mp3Reader}) as an MP3 whose audio starts at the same place
 *       after the tag, with the same ID3v1 presence, and a plain ID3v2 tag (nothing to repair)
 *       of the intended version whose frames are exactly the planned ones, TPE1 / TIT2
 *       decoding to the intended text.</li>
 * </ol>
 */
final class WrittenFileVerifier implements TempFileCheck {
    private static final int BUFFER = 1 << 16;

    @Override
    public void check(Path temp, WriteIntent intent) throws IOException, TagException {
        Mp3Facts original = intent.original();
        long size = Files.size(temp);
        if (size != intent.expectedSize()) fail("size " + size + " instead of " + intent.expectedSize());
        byte[] head = new byte[intent.tagBytes().length];
        try (InputStream in = Files.newInputStream(temp)) {
            if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, intent.tagBytes())) {
                fail("the tag bytes read back differ");
            }
        }
        long mismatch = firstDifference(temp, head.length, original.file(), original.tagLength(), intent.copyEnd() - original.tagLength());
        if (mismatch >= 0) fail("audio bytes differ at offset " + mismatch + " after the tag");
        byte[] v1 = intent.id3v1();
        if (v1 != null) {
            byte[] tail = new byte[v1.length];
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ)) {
                ch.read(java.nio.ByteBuffer.wrap(tail), size - v1.length);
            }
            if (!Arrays.equals(tail, v1)) fail("the ID3v1 tag read back differs");
        }

        Mp3Facts back = Mp3Reader.read(temp);
        if (back.tagVersion() != intent.plan().version()) fail("tag version " + back.tagVersion() + " read back");
        if (!back.repairs().isEmpty()) fail("the new tag is not plain (" + String.join("; ", back.repairs()) + ")");
        if (back.audioStart() != original.audioStart()) fail("audio found at a different place after the tag");
        boolean v1Wanted = intent.plan().id3v1Changed() ? intent.plan().id3v1() != null : original.hasId3v1();
        if (back.hasId3v1() != v1Wanted) fail("ID3v1 tag " + (v1Wanted ? "lost" : "still there"));
        if (!sameFrames(back.frames(), intent.plan().frames())) fail("the frames read back differ from those written");
        TagPlan plan = intent.plan();
        if (plan.artist() != null && !plan.artist().equals(back.text(TagPlanner.ARTIST))) fail("TPE1 reads back as '" + back.text(TagPlanner.ARTIST) + "'");
        if (plan.title() != null && !plan.title().equals(back.text(TagPlanner.TITLE))) fail("TIT2 reads back as '" + back.text(TagPlanner.TITLE) + "'");
    }

    private static void fail(String what) throws TagException {
        throw new TagException("check of the written file failed: " + what + "; original left as it was");
    }

    /** Frames equal as multisets keyed by id, keeping the order of frames that share an id. */
    static boolean sameFrames(List<RawFrame> a, List<RawFrame> b) {
        if (a.size() != b.size()) return false;
        List<RawFrame> x = new ArrayList<>(a), y = new ArrayList<>(b);
        x.sort(Comparator.comparing(RawFrame::id)); // stable: same-id frames keep their order
        y.sort(Comparator.comparing(RawFrame::id));
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).id().equals(y.get(i).id()) || x.get(i).group() != y.get(i).group()
                    || !Arrays.equals(x.get(i).data(), y.get(i).data())) return false;
        }
        return true;
    }

    /** The first offset (relative) where {@code length} bytes of {@code a} from {@code aFrom} and {@code b} from {@code bFrom} differ; -1 when equal. */
    static long firstDifference(Path a, long aFrom, Path b, long bFrom, long length) throws IOException {
        try (FileChannel ca = FileChannel.open(a, StandardOpenOption.READ);
             FileChannel cb = FileChannel.open(b, StandardOpenOption.READ);
             InputStream ia = Channels.newInputStream(ca.position(aFrom));
             InputStream ib = Channels.newInputStream(cb.position(bFrom))) {
            byte[] ba = new byte[BUFFER], bb = new byte[BUFFER];
            long done = 0;
            while (done < length) {
                int want = (int) Math.min(BUFFER, length - done);
                int na = ia.readNBytes(ba, 0, want), nb = ib.readNBytes(bb, 0, want);
                int m = Arrays.mismatch(ba, 0, na, bb, 0, nb);
                if (m >= 0) return done + m;
                if (na < want) return done + na; // both ended early: shorter than expected
                done += want;
            }
            return -1;
        }
    }
}
