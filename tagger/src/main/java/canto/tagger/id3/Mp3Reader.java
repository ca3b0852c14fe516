package canto.tagger.id3;

import com.mpatric.mp3agic.AbstractID3v2Tag;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.ID3v2Frame;
import com.mpatric.mp3agic.ID3v2FrameSet;
import com.mpatric.mp3agic.InvalidDataException;
import com.mpatric.mp3agic.Mp3File;
import com.mpatric.mp3agic.UnsupportedTagException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an MP3 file with mp3agic and turns every way it can fail into a {@link TagException}
 * with a one-line reason (mp3agic also throws RuntimeExceptions on damaged files).
 */
final class Mp3Reader {
    private Mp3Reader() {}

    static Mp3Facts read(Path file) throws IOException, TagException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.isDirectory()) throw new TagException("is a folder, not a file");
        if (!attrs.isRegularFile()) throw new TagException("not a regular file");
        long size = attrs.size();
        if (size == 0) throw new TagException("empty file");
        FileTime modified = attrs.lastModifiedTime();
        TagHeader header = TagHeader.read(file, size);
        if (header.present() && Id3Version.ofMajor(header.major()) == null) {
            throw new TagException("has an ID3v2." + header.major() + " tag; only ID3v2.3 and ID3v2.4 tags are rewritten");
        }
        int framesInTag = TagLayoutCheck.check(file, header);
        Mp3File mp3 = open(file);
        long audioStart = mp3.getStartOffset() - header.length();
        if (audioStart < 0) throw new TagException("damaged: audio frames overlap the ID3v2 tag");
        List<RawFrame> frames = new ArrayList<>();
        Id3Version version = null;
        if (header.present()) {
            ID3v2 tag = mp3.getId3v2Tag();
            version = Id3Version.ofMajor(header.major());
            if (!(tag instanceof AbstractID3v2Tag) || !tag.getVersion().startsWith(header.major() + ".")) {
                throw new TagException("unreadable ID3v2 tag");
            }
            for (Map.Entry<String, ID3v2FrameSet> set : ((AbstractID3v2Tag) tag).getFrameSets().entrySet()) {
                for (ID3v2Frame f : set.getValue().getFrames()) frames.add(raw(f));
            }
            if (frames.size() != framesInTag) throw new TagException("unreadable ID3v2 tag (" + framesInTag + " frames, mp3agic read " + frames.size() + ")");
        } else if (mp3.hasId3v2Tag()) {
            throw new TagException("unreadable ID3v2 tag");
        }
        return new Mp3Facts(file, size, modified, header.length(), version, List.copyOf(frames), audioStart, mp3.hasId3v1Tag());
    }

    /** The frame's id and data; frames whose data we cannot safely carry over are refused. */
    private static RawFrame raw(ID3v2Frame f) throws TagException {
        if (f.hasCompression() || f.hasEncryption() || f.hasGroup() || f.hasDataLengthIndicator() || f.hasUnsynchronisation()) {
            throw new TagException("frame " + f.getId() + " is compressed, encrypted or grouped; such tags are not rewritten");
        }
        if (f.getId() == null || f.getId().length() != 4) throw new TagException("unreadable ID3v2 tag (bad frame id)");
        byte[] data = f.getData();
        return new RawFrame(f.getId(), data == null ? new byte[0] : data.clone());
    }

    /**
     * mp3agic's view of the file; every failure becomes a one-line reason. mp3agic checks the
     * ID3 tags and that valid MPEG audio frames start after the tag, but does not walk every
     * frame: we never change audio bytes, and walking them all would double the time for a song.
     */
    static Mp3File open(Path file) throws IOException, TagException {
        try {
            return new Mp3File(file, 1 << 16, false);
        } catch (InvalidDataException e) {
            String m = String.valueOf(e.getMessage());
            if (m.toLowerCase(java.util.Locale.ROOT).contains("no mpegs frames")) {
                throw new TagException("not an MP3 file (no MPEG audio frames found)");
            }
            throw new TagException("damaged MP3 or ID3 tag (" + oneLine(m) + ")");
        } catch (UnsupportedTagException e) {
            throw new TagException("unsupported ID3 tag (" + oneLine(String.valueOf(e.getMessage())) + ")");
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new TagException("damaged MP3 (" + describe(e) + ")");
        } catch (OutOfMemoryError e) {
            // a damaged size field made mp3agic ask for one huge array; that failed allocation took nothing
            throw new TagException("damaged MP3 or ID3 tag (a size field asks for more memory than there is)");
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
