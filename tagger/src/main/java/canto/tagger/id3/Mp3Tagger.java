package canto.tagger.id3;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Writes artist (TPE1) and title (TIT2) into one MP3 file safely; see {@link SafeReplacer} for
 * how the file is replaced and {@link WrittenFileVerifier} for what is checked first.
 *
 * <p>{@link #tag} never throws: every failure, including RuntimeExceptions from mp3agic on
 * damaged files, comes back as a {@link TagResult} with status FAILED and a one-line reason,
 * and the file is then exactly as it was. One instance may be used for many files, from one
 * thread at a time.
 */
public final class Mp3Tagger {
    /** The reason given (with status SKIPPED) for a file another process holds locked. */
    public static final String BUSY = "being tagged by another process";

    private final TagSettings settings;
    private final boolean dryRun;
    private final SafeReplacer replacer;
    private final Set<Path> cleanedFolders = new HashSet<>();

    /**
     * @param version the version of tags we create (an existing tag is converted to it when
     *                nothing is lost, otherwise it keeps its version)
     * @param dryRun  when true, read and plan but write nothing
     */
    public Mp3Tagger(Id3Version version, boolean dryRun) {
        this(TagSettings.of(version), dryRun);
    }

    /** With every writing choice ({@code --id3}, {@code --id3v1}, {@code --cover} ...). */
    public Mp3Tagger(TagSettings settings, boolean dryRun) {
        this(settings, dryRun, new WrittenFileVerifier(), FileMover.ATOMIC, true);
    }

    /** With seams for tests: the check of the temporary file and the final move. */
    Mp3Tagger(Id3Version version, boolean dryRun, TempFileCheck check, FileMover mover) {
        this(version, dryRun, check, mover, true);
    }

    /** {@code durable = false} skips the flush to disk: only for tests of the logic (e.g. the fuzz test), never for users. */
    Mp3Tagger(Id3Version version, boolean dryRun, TempFileCheck check, FileMover mover, boolean durable) {
        this(TagSettings.of(version), dryRun, check, mover, durable);
    }

    Mp3Tagger(TagSettings settings, boolean dryRun, TempFileCheck check, FileMover mover, boolean durable) {
        this.settings = settings;
        this.dryRun = dryRun;
        this.replacer = new SafeReplacer(check, mover, durable);
    }

    /**
     * Tags {@code file} with {@code artist} and {@code title}; a null or blank value leaves that
     * frame as it is. Symbolic links are followed: the file they point to is tagged.
     */
    public TagResult tag(Path file, String artist, String title) {
        String a = clean(artist), t = clean(title);
        if (a == null && t == null) {
            return new TagResult(TagResult.Status.SKIPPED, null, null, List.of(), null);
        }
        try {
            Path real = file.toRealPath();
            List<String> removed = dryRun ? List.of() : removeStaleTemps(real);
            if (dryRun || !Files.isRegularFile(real) || readOnlyReason(real) != null) return tagLocked(real, a, t, null, removed);
            // Lock the file while we tag it, so that two runs on one folder do not both rewrite it.
            try (FileChannel ch = FileChannel.open(real, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another thread of this JVM
                }
                if (lock == null) return new TagResult(TagResult.Status.SKIPPED, null, null, removed, BUSY);
                try (FileLock held = lock) {
                    return tagLocked(real, a, t, held, removed);
                }
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return failure(e);
        }
    }

    /** Reads, plans, and (unless a dry run) writes {@code real}, which we hold locked when {@code lock} is set. */
    private TagResult tagLocked(Path real, String a, String t, FileLock lock, List<String> removed) {
        try {
            Mp3Facts facts = Mp3Reader.read(real);
            TagPlan plan = TagPlanner.plan(facts, a, t, settings);
            List<String> notes = new ArrayList<>(removed);
            notes.addAll(plan.notes());
            if (plan.unchanged()) return new TagResult(TagResult.Status.UNCHANGED, a, t, notes, null);
            String readOnly = readOnlyReason(real);
            if (readOnly != null) return TagResult.failed(readOnly);
            if (dryRun) return new TagResult(TagResult.Status.WOULD_TAG, a, t, notes, null);
            replacer.replace(new WriteIntent(facts, plan, TagBytes.pack(plan)));
            return new TagResult(TagResult.Status.TAGGED, a, t, notes, null);
        } catch (TagException | IOException | RuntimeException | StackOverflowError e) {
            return failure(e);
        }
    }

    /** One line for what went wrong; the file is left as it was. */
    private static TagResult failure(Throwable e) {
        if (e instanceof TagException) return TagResult.failed(e.getMessage());
        if (e instanceof IOException) return TagResult.failed(IoErrors.describe((IOException) e));
        if (e instanceof InvalidPathException) {
            return TagResult.failed("file name cannot be used (" + Mp3Reader.oneLine(e.getMessage()) + ")");
        }
        return TagResult.failed("unexpected error (" + Mp3Reader.describe(e) + "); file left as it was");
    }

    /** Once per folder: removes temporary files that crashed runs left there, and says so. */
    private List<String> removeStaleTemps(Path real) {
        Path dir = real.getParent();
        if (dir == null || !cleanedFolders.add(dir)) return List.of();
        List<String> notes = new ArrayList<>();
        for (String name : StaleTemps.clean(dir)) notes.add("removed " + name + ", a temporary file left by a run that stopped");
        return notes;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Why we will not write this file or its folder, or null. Read-only means the OS refuses us
     * write access, or the permission bits allow nobody to write (root may write anyway, but a
     * file or folder someone made read-only is respected).
     */
    static String readOnlyReason(Path file) {
        if (!Files.isWritable(file) || noWriteBits(file)) return "read-only file (not changed)";
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && (!Files.isWritable(dir) || noWriteBits(dir))) {
            return "read-only folder: the file cannot be replaced safely (not changed)";
        }
        return null;
    }

    private static boolean noWriteBits(Path p) {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) == null) return false;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
