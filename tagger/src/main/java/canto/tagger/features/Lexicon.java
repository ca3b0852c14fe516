package canto.tagger.features;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * General knowledge the features use, written down by hand (not read off any labelled data):
 * words that mark video noise rather than names or songs, sorted into a few categories, and
 * common Chinese surnames (a 2- to 4-character Han run starting with one is often a name).
 */
final class Lexicon {
    private Lexicon() {}

    /** Noise categories; a token's category is one of its features. */
    enum Noise { VIDEO, QUALITY, VERSION, FEAT, MEDIA, EVENT, LANGUAGE, JOIN, BY }

    private static final Map<String, Noise> LATIN = new HashMap<>();
    private static final Map<String, Noise> HAN = new HashMap<>();

    private static void put(Map<String, Noise> m, Noise n, String words) {
        for (String w : words.split(" ")) m.put(w, n);
    }

    static {
        put(LATIN, Noise.VIDEO, "mv official music video videos lyric lyrics lyricvideo audio visualizer visualiser teaser"
                + " trailer clip m/v pv promo vevo preview");
        put(LATIN, Noise.QUALITY, "hd hq 4k 8k 1080p 720p 480p 360p 320kbps flac mp3 hifi hi-res lossless sd uhd");
        put(LATIN, Noise.VERSION, "live version ver remix mix edm acoustic cover covered instrumental karaoke ktv demo edit"
                + " remaster remastered remastering unplugged piano orchestra orchestral full complete short cut extended"
                + " radio cd original");
        put(LATIN, Noise.FEAT, "feat ft featuring prod produced with vs");
        put(LATIN, Noise.MEDIA, "ost theme song drama movie film tv series soundtrack episode ep opening ending insert"
                + " commercial campaign ad album single");
        put(LATIN, Noise.EVENT, "concert tour anniversary show festival awards stage performance in passion");
        put(LATIN, Noise.LANGUAGE, "chinese english eng cantonese mandarin pinyin jyutping sub subs subtitles subtitle chi cc");
        put(LATIN, Noise.JOIN, "x and");
        put(LATIN, Noise.BY, "by");  // "Song by Artist", "cover by X"
        put(HAN, Noise.BY, "原唱");
        put(HAN, Noise.VIDEO, "官方 歌詞 歌词 字幕 首播 獨家 独家 完整 完整版 派台 動態歌詞 动态歌词 音樂錄影帶 音乐录影带 試聽 试听"
                + " 官方版 官方完整版 全曲 官方MV");
        put(HAN, Noise.QUALITY, "高清 高音質 高音质 音質 音质 無損 无损 超清 高清音 高清版 高畫質 高画质");
        put(HAN, Noise.VERSION, "版 合唱 合唱版 翻唱 伴奏 純音樂 纯音乐 粵 粤 國 国 粵語 粤语 國語 国语 粵語版 粤语版 國語版 国语版"
                + " 舊歌 旧歌 新歌 現場 现场 現場版 现场版 演奏 鋼琴 钢琴 鋼琴版 钢琴版 重唱 混音 卡拉 足本");
        put(HAN, Noise.MEDIA, "主題曲 主题曲 插曲 片尾曲 片頭曲 片头曲 主題歌 主题歌 劇集 剧集 電影 电影 電視劇 电视剧 廣告 广告"
                + " 歌曲 專輯 专辑 大碟 原聲 原声 舞台劇 舞台剧 動畫 动画 節目 节目 宣傳曲 宣传曲 推廣曲 推广曲");
        put(HAN, Noise.EVENT, "演唱會 演唱会 音樂會 音乐会 頒獎 颁奖 頒獎禮 颁奖礼 慈善 週年 周年 十週年 交響 交响 巡迴 巡回");
        put(HAN, Noise.FEAT, "合作 主唱 及 與 与 和 同 對唱 对唱");
    }


    /** The noise category of a normalised (lower-case) Latin word, or null. */
    static Noise latinNoise(String norm) { return LATIN.get(norm); }

    /** The noise category of a Han run, or null. */
    static Noise hanNoise(String norm) { return HAN.get(norm); }

    /** The noise category of the longest lexicon word a Han run ends with (e.g. {@code 高清音} in {@code 追高清音}), or null. */
    static Noise hanNoiseSuffix(String norm) {
        for (int len = Math.min(5, norm.length() - 1); len >= 2; len--) {
            Noise n = HAN.get(norm.substring(norm.length() - len));
            if (n != null) return n;
        }
        return null;
    }

    private static final Set<String> SURNAMES = Set.of((
            "陳 李 張 黃 何 林 吳 劉 梁 王 鄭 楊 周 謝 郭 曾 麥 羅 許 鄧 馮 葉 蔡 蘇 盧 朱 余 胡 潘 方 江 譚 彭 容 薛 莫 衛 古"
            + " 關 袁 孫 徐 高 杜 鄺 侯 石 姚 洪 范 程 岑 連 丁 傅 韋 賴 區 柯 龔 溫 魏 唐 姜 崔 邱 康 雷 文 金 湯 戴 蕭 嚴"
            + " 錢 倪 任 孔 鍾 尹 趙 沈 宋 白 施 常 田 黎 鄔 布 甄 龍 伍 植 簡 卓 阮 鮑 單 翁 顏 車 費 游 凌 廖 蔣 萬 武 易"
            + " 夏 呂 汪 符 甘 祝 冼 季 齊 毛 史 秦 童 聶 佘 利 寧 艾 喬 藍 鄒 孟 閻 苗 竇 歐陽 司徒 上官 諸葛 司馬 慕容"
            + " 陈 张 黄 刘 杨 郑 邓 冯 叶 苏 卢 谭 罗 许 谢 吴 赵 钟 邹 关 孙 龚 温 萧 严 钱 颜 费 蒋 万 吕 齐 聂 乔 蓝"
            + " 欧阳").split(" "));

    /** True when a Han run starts with a common surname and is 2 to 4 characters long (a name shape). */
    static boolean nameShaped(String han) {
        int len = han.codePointCount(0, han.length());
        if (len < 2 || len > 4) return false;
        return SURNAMES.contains(han.substring(0, 1)) || (len >= 3 && SURNAMES.contains(han.substring(0, 2)));
    }
}
