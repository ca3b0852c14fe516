package canto.tagger.model;

/** Finds artist and song title in a music-video title or an MP3 file name. */
public interface TitleParser {
    ParsedTitle parse(String title);
}
