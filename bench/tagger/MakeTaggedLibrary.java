import canto.tagger.id3.Id3Version;
import canto.tagger.id3.Mp3Tagger;
import canto.tagger.id3.TagResult;
import canto.tagger.training.LabelledTitle;
import canto.tagger.training.LabelledTitles;
import canto.tagger.training.TitleGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A library of N tagged MP3 files for timing {@code tagger learn}: titles from TitleGenerator
 * (seed 7), named as yt-dlp names its files ({@code TITLE [ID].mp3}, '/' as '⧸'), each 4 silent
 * MPEG frames with TPE1 / TIT2 set to the labelled artists / songs (joined with " / ").
 * Run: java -cp tagger.jar bench/tagger/MakeTaggedLibrary.java DIR N
 */
public class MakeTaggedLibrary {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        byte[] audio = new byte[4 * 417];
        for (int f = 0; f < 4; f++) {
            audio[f * 417] = (byte) 0xFF; audio[f * 417 + 1] = (byte) 0xFB; audio[f * 417 + 2] = (byte) 0x90; audio[f * 417 + 3] = 0x64;
        }
        Mp3Tagger tagger = new Mp3Tagger(Id3Version.V2_4, false);
        List<String> rows = TitleGenerator.generate(7, n);
        int i = 0;
        for (String row : rows) {
            LabelledTitle t = LabelledTitles.parseLine(row, "generated:" + i, true);
            String id = String.format("%010dA", i++).replace('0', 'x');
            Path file = dir.resolve(t.title().replace('/', '\u29F8') + " [" + id + "].mp3");
            Files.write(file, audio);
            TagResult r = tagger.tag(file, String.join(" / ", t.artists()), String.join(" / ", t.titles()));
            if (r.status() != TagResult.Status.TAGGED) throw new IllegalStateException(file + ": " + r);
        }
        System.out.println("wrote " + n + " tagged MP3s to " + dir);
    }
}
