package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ID3v2.2 frames (three-letter ids, written by iTunes before 2005) in their ID3v2.3 form,
 * with mutagen's table of names. Only PIC changes layout (a three-letter image format becomes
 * a MIME type); the others keep their data. A frame with no 2.3 twin (or CRM, encrypted, and
 * LNK, which names other 2.2 frames) is refused: we write only 2.3 and 2.4, and would lose it.
 */
final class Id3v22 {
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        String pairs = "UFI UFID TT1 TIT1 TT2 TIT2 TT3 TIT3 TP1 TPE1 TP2 TPE2 TP3 TPE3 TP4 TPE4 TCM TCOM "
                + "TXT TEXT TLA TLAN TCO TCON TAL TALB TPA TPOS TRK TRCK TRC TSRC TYE TYER TDA TDAT TIM TIME "
                + "TRD TRDA TMT TMED TFT TFLT TBP TBPM TCR TCOP TPB TPUB TEN TENC TSS TSSE TOF TOFN TLE TLEN "
                + "TSI TSIZ TDY TDLY TKE TKEY TOT TOAL TOA TOPE TOL TOLY TOR TORY TXX TXXX WAF WOAF WAR WOAR "
                + "WAS WOAS WCM WCOM WCP WCOP WPB WPUB WXX WXXX IPL IPLS MCI MCDI ETC ETCO MLL MLLT STC SYTC "
                + "ULT USLT SLT SYLT COM COMM RVA RVAD EQU EQUA REV RVRB GEO GEOB CNT PCNT POP POPM BUF RBUF "
                + "CRA AENC TCP TCMP TST TSOT TS2 TSO2 TSA TSOA TSP TSOP TSC TSOC PCS PCST MVN MVNM MVI MVIN "
                + "GP1 GRP1";
        String[] p = pairs.split(" ");
        for (int i = 0; i < p.length; i += 2) NAMES.put(p[i], p[i + 1]);
    }

    private Id3v22() {}

    /** The 2.3 frame for the 2.2 frame {@code id} with {@code data}. */
    static RawFrame convert(String id, byte[] data) throws TagException {
        if (id.equals("PIC")) return picture(data);
        String name = NAMES.get(id);
        if (name == null) {
            throw new TagException("ID3v2.2 frame " + id + " has no ID3v2.3 equivalent; ID3v2.2 tags with it are not rewritten");
        }
        return new RawFrame(name, data);
    }

    /** PIC: encoding, image format (3 letters), picture type, description, image -> APIC with a MIME type. */
    private static RawFrame picture(byte[] d) throws TagException {
        if (d.length < 5) throw new TagException("damaged ID3v2.2 tag: frame PIC is too short");
        String format = new String(d, 1, 3, java.nio.charset.StandardCharsets.ISO_8859_1).trim().toUpperCase(Locale.ROOT);
        String mime = format.equals("JPG") || format.equals("JPEG") ? "image/jpeg"
                : format.equals("PNG") ? "image/png" : format.equals("-->") ? "-->" : "image/" + format.toLowerCase(Locale.ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 8);
        out.write(d[0]);
        out.writeBytes(mime.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(d, 4, d.length - 4);
        return new RawFrame("APIC", out.toByteArray());
    }
}
