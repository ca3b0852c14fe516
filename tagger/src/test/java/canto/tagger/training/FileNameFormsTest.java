package canto.tagger.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import canto.engine.util.Rng;
import org.junit.jupiter.api.Test;

class FileNameFormsTest {
    @Test
    void youtubeDlSubstitutions() {
        // sanitize_filename (not restricted): ? dropped, " -> ', : -> " -" (but 3:45 -> 3_45), \ / | * < > -> _
        assertEquals("AC_DC - Why' _ Live_ 3_45 - x", FileNameForms.youtubeDl("AC/DC: Why?\" | Live* 3:45 - x"));
        assertEquals("《你，好不好？》", FileNameForms.youtubeDl("《你，好不好？》"));
    }

    @Test
    void ytDlpSubstitutions() {
        assertEquals("AC⧸DC： Why？＂ ｜ Live＊ ⧹ ＜＞", FileNameForms.ytDlp("AC/DC: Why?\" | Live* \\ <>"));
    }

    @Test
    void fileNamesKeepTheLabelsExact() {
        TitleBuilder t = new TitleBuilder().artist("AC/DC").text(" - ").song("What?").text(" | MV");
        Rng rng = new Rng(5);
        TitleBuilder dl = FileNameForms.asFileName(t, true, rng);
        String[] f = dl.row().split("\t");
        assertTrue(f[0].matches("AC_DC - What _ MV-[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]\\.(mp3|m4a|webm|mp4)"), f[0]);
        assertEquals("AC_DC", f[1]);
        assertEquals("What", f[2]);
        assertEquals("0-5", f[3]);
        assertEquals("8-12", f[4]);
        TitleBuilder dlp = FileNameForms.asFileName(t, false, rng);
        f = dlp.row().split("\t");
        assertTrue(f[0].matches("AC⧸DC - What？ ｜ MV \\[[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]\\]\\.(mp3|opus|m4a|webm|mkv)"), f[0]);
        assertEquals("AC⧸DC\tWhat？", f[1] + "\t" + f[2]);
    }

    @Test
    void edgesThatWouldGlueAreRejected() {
        assertFalse(new TitleBuilder().artist("TWICE").text(" ").song("TT").edgesClear());
        assertFalse(new TitleBuilder().artist("Taylor Swift").text("-").song("Anti-Hero").edgesClear());
        assertFalse(new TitleBuilder().artist("周杰倫").song("晴天").edgesClear());
        assertFalse(new TitleBuilder().artist("周杰倫").text("-").song("晴天").edgesClear());
        assertTrue(new TitleBuilder().artist("周杰倫").text(" - ").song("晴天").edgesClear());
        assertTrue(new TitleBuilder().artist("Beyond").text("-").song("海闊天空").edgesClear());
        assertTrue(new TitleBuilder().text("HANA").artist("菊梓喬").text(" - ").song("從未說起").edgesClear());
        assertTrue(new TitleBuilder().artist("4MINUTE").text("–").song("Whatever").edgesClear());
        assertTrue(new TitleBuilder().artist("Taylor Swift").text(" - ").song("Anti-Hero").text(" Official MV").edgesClear());
    }
}
