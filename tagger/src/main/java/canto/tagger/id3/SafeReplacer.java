package canto.tagger.id3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Replaces a file without ever leaving it damaged:
 * <ol>
 *   <li>write the new tag, then every byte of the original after its old tag (with the ID3v1
 *       tag updated or removed when asked), to a temporary file in the same folder
 *       ({@code .tagger-*.tmp}, locked while it exists), and flush it to disk;</li>
 *   <li>give it the original's permissions (and owner and group, when allowed);</li>
 *   <li>check it ({@link TempFileCheck});</li>
 *   <li>make sure the original did not change meanwhile;</li>
 *   <li>rename it over the original in one atomic step ({@link FileMover}).</li>
 * </ol>
 * If any step fails, the original is untouched and the temporary file is deleted.
 */
final class SafeReplacer {
    static final String TEMP_PREFIX = ".tagger-";
    static final String TEMP_SUFFIX = ".tmp";

    private final TempFileCheck check;
    private final FileMover mover;
    private final boolean durable;

    /** @param durable flush the temporary file to the device before the rename (always, except in tests that only test logic) */
    SafeReplacer(TempFileCheck check, FileMover mover, boolean durable) {
        this.check = check;
        this.mover = mover;
        this.durable = durable;
    }

    void replace(WriteIntent intent) throws IOException, TagException {
        Mp3Facts original = intent.original();
        Path target = original.file();
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        } catch (IOException e) {
            throw new TagException("cannot create a temporary file in the folder (" + IoErrors.describe(e) + ")");
        }
        // Locked while it exists under its temporary name: a later run that finds it unlocked knows
        // its writer is gone (crashed, killed) and removes it (StaleTemps).
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             FileLock lock = out.lock()) {
            write(out, intent, durable);
            copyOwnership(target, temp);
            check.check(temp, intent);
            BasicFileAttributes now = Files.readAttributes(target, BasicFileAttributes.class);
            if (now.size() != original.size() || !now.lastModifiedTime().equals(original.modified())) {
                throw new TagException("the file changed while it was being tagged; left as it is");
            }
            mover.move(temp, target);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new TagException(reason(failure) + "; and the temporary file " + temp.getFileName()
                        + " could not be deleted (" + IoErrors.describe(e) + ")", failure);
            }
            throw failure;
        }
    }

    private static String reason(Throwable t) {
        if (t instanceof TagException) return t.getMessage();
        if (t instanceof IOException) return IoErrors.describe((IOException) t);
        return Mp3Reader.describe(t);
    }

    /** New tag + original[tagLength, copyEnd) + the new ID3v1 tag, flushed to the device. */
    private static void write(FileChannel out, WriteIntent intent, boolean durable) throws IOException {
        Mp3Facts original = intent.original();
        try (FileChannel in = FileChannel.open(original.file(), StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.wrap(intent.tagBytes());
            while (head.hasRemaining()) out.write(head);
            long pos = original.tagLength(), end = intent.copyEnd();
            while (pos < end) {
                long n = in.transferTo(pos, end - pos, out);
                if (n <= 0) throw new IOException("the original ended early (it is shorter than when it was read)");
                pos += n;
            }
            if (intent.id3v1() != null) {
                ByteBuffer tail = ByteBuffer.wrap(intent.id3v1());
                while (tail.hasRemaining()) out.write(tail);
            }
            if (durable) out.force(true);
        }
    }

    /** The original's permission bits, and its owner and group when we may set them (e.g. as root). */
    private static void copyOwnership(Path from, Path to) {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view == null) return;
        try {
            PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
            view.setPermissions(a.permissions());
            PosixFileAttributes b = view.readAttributes();
            if (!a.group().equals(b.group())) view.setGroup(a.group());
            if (!a.owner().equals(b.owner())) view.setOwner(a.owner());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: the file still gets the default permissions of a new file
        }
    }
}
