package canto.tagger.id3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How tags are written, beyond artist and title.
 *
 * @param version        the ID3v2 version written ({@code --id3})
 * @param id3v1          what happens to an existing ID3v1 tag ({@code --id3v1})
 * @param id3v1Encoding  the code page of updated ID3v1 fields: latin1, big5 or gbk ({@code --id3v1-encoding})
 * @param cover          what happens to the pictures ({@code --cover})
 * @param coverSize      the side in pixels of a cover re-encoded for car stereos ({@code --cover-size})
 */
public record TagSettings(Id3Version version, Id3v1Policy id3v1, String id3v1Encoding, CoverPolicy cover, int coverSize) {
    public static final Id3v1Policy DEFAULT_ID3V1 = Id3v1Policy.UPDATE;
    public static final String DEFAULT_ID3V1_ENCODING = "latin1";
    public static final CoverPolicy DEFAULT_COVER = CoverPolicy.KEEP;
    public static final int DEFAULT_COVER_SIZE = 500;

    /** The defaults, with this ID3v2 version. */
    public static TagSettings of(Id3Version version) {
        return new TagSettings(version, DEFAULT_ID3V1, DEFAULT_ID3V1_ENCODING, DEFAULT_COVER, DEFAULT_COVER_SIZE);
    }

    /** The Java charset of an {@code --id3v1-encoding} name; null when unknown. Big5 is encoded as Big5-HKSCS (a superset with the Hong Kong characters). */
    public static Charset charset(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "latin1": case "iso-8859-1": return StandardCharsets.ISO_8859_1;
            case "big5": return Charset.forName("Big5-HKSCS");
            case "gbk": return Charset.forName("GBK");
            default: return null;
        }
    }
}
