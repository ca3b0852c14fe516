package canto.tagger.cli;

import canto.tagger.id3.Id3Version;
import canto.tagger.id3.TagSettings;
import java.util.List;

/**
 * The options of a tagging run, as given on the command line.
 *
 * @param paths     files and folders to tag, in command-line order
 * @param lists     files listing more paths, one per line ("-" = standard input)
 * @param dryRun    print what would be written, write nothing
 * @param id3       the ID3v2 version of the tags written
 * @param help      --help was given
 * @param version   --version was given
 * @param plan      with {@code --plan FILE}: write the plan (what would be written, for review) to FILE; implies a dry run
 * @param model     with {@code --model FILE}: the model to parse with, else null
 * @param bundledModel {@code --bundled-model}: ignore the user model
 * @param settings  what is written besides artist and title (ID3v2 version, ID3v1, cover)
 * @param title     with {@code --title TEXT}: the title to parse instead of the (one) file's name, else null
 * @param minConfidence {@code --min-confidence P}: files whose parse is less confident are left alone (0: all are tagged)
 */
public record TagOptions(List<String> paths, List<String> lists, boolean dryRun, Id3Version id3, boolean help, boolean version,
                         String plan, String model, boolean bundledModel, TagSettings settings, String title,
                         double minConfidence) {
    /** The version written when --id3 is not given: 2.3, which car stereos and old players read. */
    public static final Id3Version DEFAULT_ID3 = Id3Version.V2_3;

    public TagOptions(List<String> paths, List<String> lists, boolean dryRun, Id3Version id3, boolean help, boolean version) {
        this(paths, lists, dryRun, id3, help, version, null, null, false);
    }

    public TagOptions(List<String> paths, List<String> lists, boolean dryRun, Id3Version id3, boolean help, boolean version,
                      String plan, String model, boolean bundledModel) {
        this(paths, lists, dryRun, id3, help, version, plan, model, bundledModel, TagSettings.of(id3), null, 0);
    }

    /** These options with other writing settings and {@code --title}. */
    public TagOptions withWriting(TagSettings newSettings, String newTitle) {
        return new TagOptions(paths, lists, dryRun, id3, help, version, plan, model, bundledModel, newSettings, newTitle, minConfidence);
    }

    /** These options with {@code --min-confidence}. */
    public TagOptions withMinConfidence(double p) {
        return new TagOptions(paths, lists, dryRun, id3, help, version, plan, model, bundledModel, settings, title, p);
    }

    public TagOptions {
        paths = List.copyOf(paths);
        lists = List.copyOf(lists);
    }
}
