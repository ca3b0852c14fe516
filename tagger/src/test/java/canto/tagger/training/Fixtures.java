package canto.tagger.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small labelled titles written for the tests (none comes from the shared data). */
public final class Fixtures {
    private Fixtures() {}

    public static final String HEADER = "title\tartist\tsong\tartist_spans\tsong_spans";

    /** Rows in the TSV format; spans left empty, so the reader finds them. */
    public static final List<String> ROWS = List.of(
            "陳奕迅 Eason Chan - 富士山下 (Official MV)\t陳奕迅\t富士山下\t\t",
            "容祖兒 Joey Yung《我的驕傲》[Official MV]\t容祖兒\t我的驕傲\t\t",
            "楊千嬅【少女的祈禱】MV\t楊千嬅\t少女的祈禱\t\t",
            "海闊天空 - Beyond\tBeyond\t海闊天空\t\t",
            "Dear Jane - 銀河修理員 (Official Music Video)\tDear Jane\t銀河修理員\t\t",
            "張學友 - 吻別 (Live)\t張學友\t吻別\t\t",
            "王菲《紅豆》歌詞版\t王菲\t紅豆\t\t",
            "李克勤 Hacken Lee - 紅日 Official MV\t李克勤\t紅日\t\t",
            "古巨基 x 鄭秀文 - 必殺技 MV\t古巨基 | 鄭秀文\t必殺技\t\t",
            "梅艷芳「夕陽之歌」高清\t梅艷芳\t夕陽之歌\t\t",
            "十年 - 陳奕迅 (Lyric Video)\t陳奕迅\t十年\t\t",
            "林憶蓮 Sandy Lam《傷痕》Official Audio\t林憶蓮\t傷痕\t\t");

    public static Path write(Path dir, String name, List<String> rows) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    public static List<LabelledTitle> titles(Path dir) throws IOException {
        return LabelledTitles.read(write(dir, "fixture.tsv", ROWS), true);
    }
}
