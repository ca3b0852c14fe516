package canto.tagger.id3;

/** The ID3v2 versions this tool writes: 2.3 (the default, read by nearly every player) and 2.4. */
public enum Id3Version {
    V2_3(3, "2.3"),
    V2_4(4, "2.4");

    private final int major;
    private final String label;

    Id3Version(int major, String label) {
        this.major = major;
        this.label = label;
    }

    /** The major version number in the tag header: 3 or 4. */
    public int major() { return major; }

    /** "2.3" or "2.4", as on the command line. */
    public String label() { return label; }

    @Override
    public String toString() { return "ID3v" + label; }

    /** The version named "2.3" or "2.4" (also "3", "4", "v2.3", "ID3v2.4"); null when the name is none of them. */
    public static Id3Version parse(String name) {
        String s = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("id3")) s = s.substring(3);
        if (s.startsWith("v")) s = s.substring(1);
        switch (s) {
            case "2.3": case "3": return V2_3;
            case "2.4": case "4": return V2_4;
            default: return null;
        }
    }

    /** The version with this major number in a tag header, or null (2.2 and unknown versions). */
    static Id3Version ofMajor(int major) {
        return major == 3 ? V2_3 : major == 4 ? V2_4 : null;
    }
}
