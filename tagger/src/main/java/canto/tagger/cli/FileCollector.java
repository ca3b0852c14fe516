package canto.tagger.cli;

import canto.tagger.id3.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns the paths of the command line and of list files into the files to tag. A file given
 * by name is tagged whatever its extension; a folder is searched recursively (without
 * following links to other folders) for files ending in {@code .mp3}, any case, taken in
 * name order. A path that does not exist or cannot be searched becomes an error entry, and
 * the rest goes on.
 */
public final class FileCollector {
    private FileCollector() {}

    /** The paths listed in a list file ("-" = {@code stdin}): one per line, UTF-8, blank lines skipped, a trailing CR dropped. */
    public static List<String> readList(String listFile, InputStream stdin) throws UsageException {
        byte[] bytes;
        try {
            bytes = listFile.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(listFile));
        } catch (IOException e) {
            throw new UsageException("cannot read list file '" + listFile + "': " + IoErrors.describe(e));
        } catch (InvalidPathException e) {
            throw new UsageException("cannot read list file '" + listFile + "': bad file name");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("list file '" + listFile + "' is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (!line.isBlank()) paths.add(line);
        }
        return paths;
    }

    /** The files to tag for these paths, in order; folders expanded. */
    public static List<InputFile> collect(List<String> paths, Notes notes) {
        List<InputFile> out = new ArrayList<>();
        for (String shown : paths) {
            Path p;
            try {
                p = Path.of(shown);
            } catch (InvalidPathException e) {
                out.add(InputFile.failed(shown, "file name cannot be used here (" + e.getReason()
                        + "; is the locale UTF-8?)"));
                continue;
            }
            if (Files.isDirectory(p)) {
                int before = out.size();
                walk(p, out);
                if (out.size() == before) notes.note("no .mp3 files in folder " + shown);
            } else if (Files.exists(p) || Files.isSymbolicLink(p)) {
                out.add(new InputFile(shown, p, null));
            } else {
                out.add(InputFile.failed(shown, "no such file or folder"));
            }
        }
        return out;
    }

    /** Receives remarks that are not errors (e.g. a folder without MP3 files). */
    @FunctionalInterface
    public interface Notes {
        void note(String message);
    }

    static boolean isMp3Name(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".mp3");
    }

    private static void walk(Path dir, List<InputFile> out) {
        List<InputFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && isMp3Name(file)) found.add(InputFile.ok(file));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            found.add(InputFile.failed(file.toString(), "cannot read (" + IoErrors.describe(e) + ")"));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            found.add(InputFile.failed(dir.toString(), "cannot search folder (" + IoErrors.describe(e) + ")"));
        }
        Collections.sort(found, (a, b) -> a.shown().compareTo(b.shown()));
        out.addAll(found);
    }
}
