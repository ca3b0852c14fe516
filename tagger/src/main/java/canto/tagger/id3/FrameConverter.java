package canto.tagger.id3;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the frames of a tag from ID3v2.4 to ID3v2.3 or back without losing any. A frame is
 * carried over byte for byte unless it must change: text in UTF-8 / UTF-16BE (2.4 only) is
 * re-encoded as ISO-8859-1 or UTF-16 with BOM; the recording date moves between 2.4's TDRC and
 * 2.3's TYER + TDAT + TIME, and TDOR <-> TORY. When some frame cannot be carried over exactly
 * (a 2.4-only frame such as TIPL, a date 2.3 cannot hold, several values in one text frame,
 * ...) the conversion is refused with the reason, and the caller keeps the tag's version.
 * The frames embedded in CHAP / CTOC are converted the same way ({@link ChapterFrames}).
 */
final class FrameConverter {
    /** Standard in 2.4 but not in 2.3 (TDRC and TDOR are mapped, the others have no 2.3 twin). */
    private static final Set<String> ONLY_24 = Set.of("ASPI", "EQU2", "RVA2", "SEEK", "SIGN", "TDEN", "TDOR",
            "TDRC", "TDRL", "TDTG", "TIPL", "TMCL", "TMOO", "TPRO", "TSST");
    /** Standard in 2.3 but not in 2.4 (TYER, TDAT, TIME and TORY are mapped). */
    private static final Set<String> ONLY_23 = Set.of("EQUA", "IPLS", "RVAD", "TDAT", "TIME", "TORY", "TRDA", "TSIZ", "TYER");
    /** Frames that start with an encoding byte and whose layout we know how to re-encode. */
    private static final Set<String> RE_ENCODABLE = Set.of("TXXX", "COMM", "USLT", "WXXX", "APIC", "GEOB");
    /** Other frames that carry an encoding byte; we cannot re-encode them. */
    private static final Set<String> OTHER_ENCODED = Set.of("USER", "SYLT", "COMR", "OWNE");

    private static final Pattern TDRC = Pattern.compile("(\\d{4})(?:-?(\\d{2})-?(\\d{2})(?:T(\\d{2}):?(\\d{2}))?)?");
    private static final Pattern DIGITS4 = Pattern.compile("\\d{4}");

    /** The converted frames, or why they could not be converted (then {@code frames} is null). */
    record Result(List<RawFrame> frames, String refusal) {
        static Result refused(String why) { return new Result(null, why); }
    }

    private FrameConverter() {}

    static Result convert(List<RawFrame> frames, Id3Version from, Id3Version to) {
        if (from == to) return new Result(List.copyOf(frames), null);
        List<RawFrame> out = new ArrayList<>();
        String refusal = to == Id3Version.V2_3 ? datesTo23(frames, out) : datesTo24(frames, out);
        if (refusal != null) return Result.refused(refusal);
        Set<String> lost = to == Id3Version.V2_3 ? ONLY_24 : ONLY_23;
        for (RawFrame f : frames) {
            if (isDateFrame(f.id())) continue;
            if (lost.contains(f.id())) return Result.refused("frame " + f.id() + " has no " + to + " equivalent");
            if (ChapterFrames.isChapter(f.id())) {
                Result chapter = ChapterFrames.convert(f, from, to);
                if (chapter.frames() == null) return chapter;
                out.addAll(chapter.frames());
                continue;
            }
            if (to == Id3Version.V2_4 || !hasEncodingByte(f.id())) {
                out.add(f);
                continue;
            }
            RawFrame re = reEncodeFor23(f);
            if (re == null) return Result.refused("frame " + f.id() + " holds text that ID3v2.3 cannot hold unchanged");
            out.add(re);
        }
        for (RawFrame a : out) {
            if (isDateFrame(a.id()) && count(out, a.id()) > 1) return Result.refused("frame " + a.id() + " would appear twice");
        }
        return new Result(out, null);
    }

    private static boolean isDateFrame(String id) {
        return id.equals("TDRC") || id.equals("TDOR") || id.equals("TYER") || id.equals("TDAT")
                || id.equals("TIME") || id.equals("TORY");
    }

    private static boolean hasEncodingByte(String id) {
        return id.startsWith("T") || RE_ENCODABLE.contains(id) || OTHER_ENCODED.contains(id);
    }

    // ---- dates ------------------------------------------------------------------------------

    /** TDRC -> TYER [+ TDAT [+ TIME]], TDOR -> TORY; stray 2.3 date frames in a 2.4 tag pass through. */
    private static String datesTo23(List<RawFrame> frames, List<RawFrame> out) {
        for (RawFrame f : frames) {
            if (f.id().equals("TYER") || f.id().equals("TDAT") || f.id().equals("TIME") || f.id().equals("TORY")) out.add(f);
        }
        String tdrc = date(frames, "TDRC");
        if (tdrc != null) {
            Matcher m = TDRC.matcher(tdrc);
            if (!m.matches()) return "TDRC date '" + tdrc + "' cannot be written as ID3v2.3 TYER/TDAT/TIME";
            out.add(latin1("TYER", m.group(1)));
            if (m.group(2) != null) out.add(latin1("TDAT", m.group(3) + m.group(2)));
            if (m.group(4) != null) out.add(latin1("TIME", m.group(4) + m.group(5)));
        } else if (count(frames, "TDRC") > 0 && single(frames, "TDRC") == null) {
            return "frame TDRC is unreadable or repeated";
        }
        String tdor = date(frames, "TDOR");
        if (tdor != null) {
            if (!DIGITS4.matcher(tdor).matches()) return "TDOR date '" + tdor + "' cannot be written as ID3v2.3 TORY";
            out.add(latin1("TORY", tdor));
        } else if (count(frames, "TDOR") > 0 && single(frames, "TDOR") == null) {
            return "frame TDOR is unreadable or repeated";
        }
        return null;
    }

    /** TYER [+ TDAT [+ TIME]] -> TDRC, TORY -> TDOR; stray 2.4 date frames in a 2.3 tag pass through. */
    private static String datesTo24(List<RawFrame> frames, List<RawFrame> out) {
        for (RawFrame f : frames) {
            if (f.id().equals("TDRC") || f.id().equals("TDOR")) out.add(f);
        }
        for (String id : List.of("TYER", "TDAT", "TIME", "TORY")) {
            if (count(frames, id) > 0 && single(frames, id) == null) return "frame " + id + " is unreadable or repeated";
        }
        String year = date(frames, "TYER"), date = date(frames, "TDAT"), time = date(frames, "TIME");
        if (year != null) {
            if (!DIGITS4.matcher(year).matches()) return "TYER '" + year + "' is not a 4-digit year";
            StringBuilder tdrc = new StringBuilder(year);
            if (date != null) {
                if (!DIGITS4.matcher(date).matches()) return "TDAT '" + date + "' is not DDMM";
                tdrc.append('-').append(date, 2, 4).append('-').append(date, 0, 2);
                if (time != null) {
                    if (!DIGITS4.matcher(time).matches()) return "TIME '" + time + "' is not HHMM";
                    tdrc.append('T').append(time, 0, 2).append(':').append(time, 2, 4);
                }
            } else if (time != null) {
                return "TIME without TDAT cannot be written as TDRC";
            }
            out.add(latin1("TDRC", tdrc.toString()));
        } else if (date != null || time != null) {
            return "TDAT/TIME without TYER cannot be written as TDRC";
        }
        String tory = date(frames, "TORY");
        if (tory != null) {
            if (!DIGITS4.matcher(tory).matches()) return "TORY '" + tory + "' is not a 4-digit year";
            out.add(latin1("TDOR", tory));
        }
        return null;
    }

    private static int count(List<RawFrame> frames, String id) {
        int n = 0;
        for (RawFrame f : frames) if (f.id().equals(id)) n++;
        return n;
    }

    /** The text of the only frame with this id; null when there is none, several, or it is unreadable. */
    private static String single(List<RawFrame> frames, String id) {
        if (count(frames, id) != 1) return null;
        for (RawFrame f : frames) if (f.id().equals(id)) return Id3Text.decodeTextFrame(f.data());
        return null;
    }

    /**
     * The date in the only frame with this id, or null; an empty one (eyeD3 0.9 writes a TDAT
     * holding only its encoding byte when a date has a day) is no date, and is dropped with nothing lost.
     */
    private static String date(List<RawFrame> frames, String id) {
        String s = single(frames, id);
        return s == null || s.isEmpty() ? null : s;
    }

    private static RawFrame latin1(String id, String text) {
        return new RawFrame(id, Id3Text.textFrameData(text));
    }

    // ---- text re-encoding for 2.3 -------------------------------------------------------------

    /**
     * The frame as ID3v2.3 can hold it: UTF-8 / UTF-16BE strings re-encoded; null when that
     * cannot be done exactly (unreadable text, or a text frame with several values, which 2.3
     * has no way to hold).
     */
    static RawFrame reEncodeFor23(RawFrame f) {
        byte[] d = f.data();
        int enc = f.encoding();
        String id = f.id();
        boolean textFrame = id.startsWith("T") && !id.equals("TXXX");
        if (!textFrame && Id3Text.validIn(Id3Version.V2_3, enc)) return f;
        try {
            if (textFrame) {
                String text = Id3Text.decodeTextFrame(d);
                if (text == null || text.indexOf('\0') >= 0) return null;
                return Id3Text.validIn(Id3Version.V2_3, enc) ? f : f.withData(Id3Text.textFrameData(text));
            }
            switch (id) {
                case "TXXX": return strings(f, 1, new boolean[] {true, true});
                case "WXXX": return withLatin1Tail(f, 1);
                case "COMM": case "USLT": return strings(f, 4, new boolean[] {true, true});
                case "APIC": return picture(f);
                case "GEOB": return object(f);
                default: return null;
            }
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * Re-encodes a frame made of {@code prefixEnd} fixed bytes (encoding byte included) then
     * strings: one per entry of {@code texts}, terminated except the last.
     */
    private static RawFrame strings(RawFrame f, int prefixEnd, boolean[] texts) {
        byte[] d = f.data();
        int enc = f.encoding();
        List<String> parts = new ArrayList<>();
        int at = prefixEnd;
        for (int i = 0; i < texts.length; i++) {
            boolean last = i == texts.length - 1;
            int end = last ? d.length : Id3Text.findTerminator(d, at, enc);
            if (end < 0) return null;
            if (last) { // a final terminator is optional
                int t = Id3Text.terminatorLength(enc);
                if (end - at >= t && Id3Text.findTerminator(d, at, enc) == end - t) end -= t;
            }
            String s = Id3Text.decode(d, at, end, enc);
            if (s == null || s.indexOf('\0') >= 0) return null;
            parts.add(s);
            at = last ? d.length : end + Id3Text.terminatorLength(enc);
        }
        byte newEnc = Id3Text.bestEncoding(String.join("", parts));
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 8);
        out.write(newEnc);
        out.write(d, 1, prefixEnd - 1);
        for (int i = 0; i < parts.size(); i++) Id3Text.append(out, parts.get(i), newEnc, i < parts.size() - 1);
        return f.withData(out.toByteArray());
    }

    /** WXXX: encoding, description (terminated), then a Latin-1 URL that stays as it is. */
    private static RawFrame withLatin1Tail(RawFrame f, int prefixEnd) {
        byte[] d = f.data();
        int enc = f.encoding();
        int end = Id3Text.findTerminator(d, prefixEnd, enc);
        if (end < 0) return null;
        String desc = Id3Text.decode(d, prefixEnd, end, enc);
        if (desc == null) return null;
        int tail = end + Id3Text.terminatorLength(enc);
        byte newEnc = Id3Text.bestEncoding(desc);
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 8);
        out.write(newEnc);
        Id3Text.append(out, desc, newEnc, true);
        out.write(d, tail, d.length - tail);
        return f.withData(out.toByteArray());
    }

    /** APIC: encoding, MIME type (Latin-1, terminated), picture type byte, description (terminated), image bytes. */
    private static RawFrame picture(RawFrame f) {
        byte[] d = f.data();
        int enc = f.encoding();
        int mimeEnd = Id3Text.findTerminator(d, 1, Id3Text.LATIN1);
        if (mimeEnd < 0 || mimeEnd + 1 >= d.length) return null;
        int descStart = mimeEnd + 2; // terminator, picture type
        int descEnd = Id3Text.findTerminator(d, descStart, enc);
        if (descEnd < 0) return null;
        String desc = Id3Text.decode(d, descStart, descEnd, enc);
        if (desc == null) return null;
        int image = descEnd + Id3Text.terminatorLength(enc);
        byte newEnc = Id3Text.bestEncoding(desc);
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 8);
        out.write(newEnc);
        out.write(d, 1, descStart - 1);
        Id3Text.append(out, desc, newEnc, true);
        out.write(d, image, d.length - image);
        return f.withData(out.toByteArray());
    }

    /** GEOB: encoding, MIME type (Latin-1, terminated), file name and description (terminated), the object's bytes. */
    private static RawFrame object(RawFrame f) {
        byte[] d = f.data();
        int enc = f.encoding();
        int mimeEnd = Id3Text.findTerminator(d, 1, Id3Text.LATIN1);
        if (mimeEnd < 0) return null;
        int nameStart = mimeEnd + 1;
        int nameEnd = Id3Text.findTerminator(d, nameStart, enc);
        if (nameEnd < 0) return null;
        int descStart = nameEnd + Id3Text.terminatorLength(enc);
        int descEnd = Id3Text.findTerminator(d, descStart, enc);
        if (descEnd < 0) return null;
        String name = Id3Text.decode(d, nameStart, nameEnd, enc), desc = Id3Text.decode(d, descStart, descEnd, enc);
        if (name == null || desc == null) return null;
        int data = descEnd + Id3Text.terminatorLength(enc);
        byte newEnc = Id3Text.bestEncoding(name + desc);
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + 8);
        out.write(newEnc);
        out.write(d, 1, nameStart - 1);
        Id3Text.append(out, name, newEnc, true);
        Id3Text.append(out, desc, newEnc, true);
        out.write(d, data, d.length - data);
        return f.withData(out.toByteArray());
    }
}
