package canto.tagger.id3;

import java.nio.charset.StandardCharsets;

/**
 * Recognises files that are not MP3 by their first bytes (their "magic"), so that an M4A,
 * WebM, Ogg, FLAC, WAV or picture named {@code .mp3} is refused with a reason the user can act
 * on, instead of getting an ID3v2 tag prepended that breaks it.
 */
final class FileKind {
    private FileKind() {}

    /** What the data starting at {@code b[0]} ({@code n} bytes) is, e.g. "an M4A (MP4) file"; null when it may be MPEG audio. */
    static String sniff(byte[] b, int n) {
        if (n >= 12 && Bytes.startsWith(b, 4, "ftyp")) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("M4A") || brand.startsWith("M4B") || brand.startsWith("M4P")) return "an M4A (MP4) file";
            if (brand.startsWith("qt")) return "a QuickTime (MOV) file";
            if (brand.startsWith("3gp") || brand.startsWith("3g2")) return "a 3GP (MP4) file";
            return "an MP4 file";
        }
        if (n >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            return contains(b, Math.min(n, 64), "webm") ? "a WebM file" : "a Matroska (MKV/MKA) file";
        }
        if (Bytes.startsWith(b, 0, "OggS")) {
            int m = Math.min(n, 64);
            if (contains(b, m, "OpusHead")) return "an Opus (Ogg) file";
            if (contains(b, m, "vorbis")) return "an Ogg Vorbis file";
            if (contains(b, m, "FLAC")) return "an Ogg FLAC file";
            return "an Ogg file";
        }
        if (Bytes.startsWith(b, 0, "fLaC")) return "a FLAC file";
        if (Bytes.startsWith(b, 0, "RIFF") && n >= 12) {
            if (Bytes.startsWith(b, 8, "WAVE")) return "a WAV file";
            if (Bytes.startsWith(b, 8, "AVI ")) return "an AVI file";
            if (Bytes.startsWith(b, 8, "WEBP")) return "a WebP image";
            return "a RIFF file";
        }
        if (Bytes.startsWith(b, 0, "FORM") && n >= 12 && (Bytes.startsWith(b, 8, "AIFF") || Bytes.startsWith(b, 8, "AIFC"))) return "an AIFF file";
        if (n >= 8 && (b[0] & 0xFF) == 0x89 && Bytes.startsWith(b, 1, "PNG")) return "a PNG image";
        if (n >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "a JPEG image";
        if (Bytes.startsWith(b, 0, "GIF8")) return "a GIF image";
        if (n >= 8 && (b[0] & 0xFF) == 0x30 && (b[1] & 0xFF) == 0x26 && (b[2] & 0xFF) == 0xB2 && (b[3] & 0xFF) == 0x75) return "a WMA (ASF) file";
        if (Bytes.startsWith(b, 0, "#!AMR")) return "an AMR file";
        if (Bytes.startsWith(b, 0, "MAC ")) return "a Monkey's Audio (APE) file";
        if (Bytes.startsWith(b, 0, "wvpk")) return "a WavPack file";
        if (Bytes.startsWith(b, 0, "MPCK") || Bytes.startsWith(b, 0, "MP+")) return "a Musepack file";
        if (Bytes.startsWith(b, 0, "caff")) return "a CAF file";
        if (Bytes.startsWith(b, 0, ".snd")) return "an AU file";
        if (Bytes.startsWith(b, 0, "%PDF")) return "a PDF document";
        if (n >= 4 && Bytes.startsWith(b, 0, "PK") && b[2] == 3 && b[3] == 4) return "a ZIP archive";
        if (n >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) return "a gzip file";
        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 1 && ((b[3] & 0xFF) == 0xBA || (b[3] & 0xFF) == 0xB3)) return "an MPEG video file";
        if (n >= 189 && b[0] == 0x47 && b[188] == 0x47) return "an MPEG transport stream (video)";
        // ADTS AAC: the 12-bit sync of MPEG audio with the layer bits 00, which MPEG audio never uses
        if (n >= 7 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0) return "an AAC (ADTS) file";
        if (looksLikeHtml(b, n)) return "a web page (HTML)";
        if (isText(b, n)) return "a text file";
        return null;
    }

    private static boolean contains(byte[] b, int n, String ascii) {
        for (int i = 0; i + ascii.length() <= n; i++) if (Bytes.startsWith(b, i, ascii)) return true;
        return false;
    }

    private static boolean looksLikeHtml(byte[] b, int n) {
        String head = new String(b, 0, Math.min(n, 256), StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml");
    }

    /** Only printable ASCII, tabs and line ends in the first 512 bytes (at least 16 of them). */
    private static boolean isText(byte[] b, int n) {
        int m = Math.min(n, 512);
        if (m < 16) return false;
        for (int i = 0; i < m; i++) {
            int c = b[i] & 0xFF;
            if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F))) return false;
        }
        return true;
    }
}
