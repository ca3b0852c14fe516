package canto.bench.tagger;

import canto.tagger.model.NeuralTitleParser;
import canto.tagger.model.ParsedTitle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Titles parsed per second by the bundled tagger model, warm, with the scalar kernels the
 * tagger uses under a plain {@code java -jar} (no vector module, {@code -Dcanto.kernels=scalar}).
 * One operation = one title (titles per second = 1e6 / the reported microseconds); the titles cycle through a fixed list of realistic titles and
 * file names written for this benchmark (none from the labelled data).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dcanto.kernels=scalar")
public class TitleParseBench {
    /** Forms the tagger meets: dash, 《》, 【】, 「」, duets, feat., English-only acts, file names with ids. */
    static final String[] TITLES = {
        "Eason Chan 陳奕迅 《陀飛輪》MV",
        "AGA 江海迦 - 《小問題》MV-w1TMv7jx8ew.mp3",
        "張學友 Jacky Cheung - 吻別 (Official Music Video)",
        "MIRROR《Warrior》Official MV",
        "Dear Jane - 到此為止 Official MV [abcdefghijk].mp3",
        "周國賢 Endy Chow x 林家謙 Terence Lam -《同步》MV",
        "容祖兒 Joey Yung《心淡》[Official MV]",
        "衛蘭 Janice Vidal - 大哥 (劇集《使徒行者》主題曲) Official MV",
        "陳慧嫻 Priscilla Chan - 千千闋歌 歌詞版 Lyric Video",
        "【高清】Beyond - 海闊天空 Live 1991",
        "Supper Moment「無盡」Official Music Video",
        "古巨基 Leo Ku feat. 陳奕迅 - 愛與痛的邊緣 HD",
    };

    private NeuralTitleParser parser;
    private int next;

    @Setup
    public void setup() {
        parser = NeuralTitleParser.loadBundled();
        for (String t : TITLES) {
            ParsedTitle p = parser.parse(t);
            if (p.titles().isEmpty()) throw new IllegalStateException("bundled model found no song title in " + t);
        }
    }

    @Benchmark
    public ParsedTitle parseOne() {
        String t = TITLES[next];
        next = next + 1 == TITLES.length ? 0 : next + 1;
        return parser.parse(t);
    }
}
