package canto.tagger.id3;

/** What happens to an ID3v1 tag at the end of a file we tag ({@code --id3v1}). */
public enum Id3v1Policy {
    /** Title and artist rewritten from the new ID3v2 texts, in the chosen code page (the default). */
    UPDATE,
    /** The ID3v1 tag is removed. */
    STRIP,
    /** Left byte for byte as it was (it may contradict the new ID3v2 tag). */
    KEEP
}
