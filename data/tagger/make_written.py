#!/usr/bin/env python3
"""Writes titles-written.tsv: music-video titles we composed ourselves, with labels.

The names and songs below are general knowledge of Cantopop (and a little Mandopop); none of
the rows is taken from the shared titles-train.tsv. Each title is built from a template whose
placeholders say what a part is, so its labels are exact by construction:

  {A1} {A2} {A3}  artist pieces (Chinese name; the Latin name for Latin-only acts)
  {T1} {T2} {T3}  song-title pieces
  {a1} {a2} {a3}  the artist's Latin alias        -> not labelled (convention: Chinese name only)
  {t1}            English translation of the song -> not labelled
  {F}             a featured singer (ft./feat.)   -> an artist piece, like the other singers of a duet
                  (issue 8's convention; its Latin prefix, as in "MC 張天賦", is not labelled)
  {D}             a drama or film name            -> not labelled
  {Y}             a year                          -> not labelled

Conventions (those of the real labels, see SOURCE.md): when a Chinese name is present only it
is the artist; Latin-only acts keep their Latin name; song titles come without brackets,
translations, version notes or "Official MV"; every singer of a duet is a separate piece, and so
is every featured singer (ft. / feat.).
A quarter of the titles end like a youtube-dl (-ID.ext) or yt-dlp ( [ID].ext) file name.

Run from the repository root:  python3 data/tagger/make_written.py > data/tagger/titles-written.tsv
"""
import random
import re

# (Chinese name or None, Latin name or None)
SINGERS = [
    ("陳奕迅", "Eason Chan"), ("容祖兒", "Joey Yung"), ("楊千嬅", "Miriam Yeung"), ("張敬軒", "Hins Cheung"),
    ("古巨基", "Leo Ku"), ("鄭秀文", "Sammi Cheng"), ("謝霆鋒", "Nicholas Tse"), ("王菲", "Faye Wong"),
    ("張學友", "Jacky Cheung"), ("劉德華", "Andy Lau"), ("黎明", "Leon Lai"), ("郭富城", "Aaron Kwok"),
    ("李克勤", "Hacken Lee"), ("譚詠麟", "Alan Tam"), ("張國榮", "Leslie Cheung"), ("梅艷芳", "Anita Mui"),
    ("陳慧琳", "Kelly Chen"), ("衛蘭", "Janice Vidal"), ("周柏豪", "Pakho Chau"), ("林峯", "Raymond Lam"),
    ("薛凱琪", "Fiona Sit"), ("側田", "Justin Lo"), ("方大同", "Khalil Fong"), ("王菀之", "Ivana Wong"),
    ("吳雨霏", "Kary Ng"), ("何韻詩", "HOCC"), ("陳小春", "Jordan Chan"), ("鄭中基", "Ronald Cheng"),
    ("許志安", "Andy Hui"), ("蘇永康", "William So"), ("林憶蓮", "Sandy Lam"), ("莫文蔚", "Karen Mok"),
    ("陳百強", "Danny Chan"), ("姜濤", "Keung To"), ("柳應廷", "Jer Lau"), ("陳卓賢", "Ian Chan"),
    ("盧瀚霆", "Anson Lo"), ("林家謙", "Terence Lam"), ("陳蕾", "Panther Chan"), ("張天賦", "MC Cheung"),
    ("江海迦", "AGA"), ("胡鴻鈞", "Hubert Wu"), ("吳若希", "Jinny Ng"), ("鄧紫棋", "G.E.M."),
    ("鄧麗欣", "Stephy Tang"), ("許廷鏗", "Alfred Hui"), ("陳柏宇", "Jason Chan"), ("吳業坤", "Kwan Gor"),
    ("鄭欣宜", "Joyce Cheng"), ("謝安琪", "Kay Tse"), ("麥浚龍", "Juno Mak"), ("周國賢", "Endy Chow"),
    ("林奕匡", "Phil Lam"), ("李幸倪", "Gin Lee"), ("連詩雅", "Shiga Lin"), ("泳兒", "Vincy Chan"),
    ("洪卓立", "Ken Hung"), ("菊梓喬", "Hana Kuk"), ("鄭俊弘", "Fred Cheng"), ("張智霖", "Chilam Cheung"),
    ("周杰倫", "Jay Chou"), ("林俊傑", "JJ Lin"), ("孫燕姿", "Stefanie Sun"), ("田馥甄", "Hebe Tien"),
    ("五月天", "Mayday"), ("草蜢", "Grasshopper"), ("太極樂隊", "Tai Chi"), ("新青年理髮廳", "Modern Barbershop"),
    ("炎明熹", "Gigi Yim"), ("陳凱詠", "Jocelyn Chan"), ("馮曦妤", "Fiona Fung"), ("關楚耀", "Kwan Chor Yiu"),
    ("黃耀明", "Anthony Wong"), ("盧巧音", "Candy Lo"), ("梁漢文", "Edmond Leung"), ("黃凱芹", "Christopher Wong"),
]
LATIN_ACTS = ["Dear Jane", "Beyond", "RubberBand", "Mirror", "ERROR", "Supper Moment", "C AllStar", "Twins",
              "Kolor", "ToNick", "Zpecial", "at17", "Per Se", "Shine", "GALA", "FAMA", "Swing", "Mr."]
# (Chinese title, English translation or None)
SONGS = [
    ("富士山下", "Under Mount Fuji"), ("十年", "Ten Years"), ("浮誇", None), ("K歌之王", None), ("好久不見", "Long Time No See"),
    ("單車", None), ("陀飛輪", "Tourbillon"), ("苦瓜", None), ("葡萄成熟時", None), ("讓我留在你身邊", None),
    ("人來人往", None), ("最佳損友", "Best Frenemy"), ("我的驕傲", "My Pride"), ("揮著翅膀的女孩", None),
    ("痛愛", None), ("小小", None), ("逃避你", None), ("破相", None), ("心淡", None), ("隆重登場", None),
    ("少女的祈禱", "A Girl's Prayer"), ("再見二丁目", None), ("小城大事", None), ("野孩子", "Wild Child"), ("勇", "Brave"),
    ("處處吻", "Kisses Everywhere"), ("酷愛", None), ("春秋", None), ("餘震", "Aftershock"), ("過客", None),
    ("必殺技", None), ("大雄", None), ("情歌王", None), ("眉飛色舞", None), ("終身美麗", None), ("捨不得你", None),
    ("值得", None), ("信者得愛", None), ("謝謝你的愛1999", None), ("游樂場", None), ("因為愛所以愛", None),
    ("紅豆", "Red Beans"), ("容易受傷的女人", None), ("夢中人", "Dream Person"), ("人間", None), ("流年", None),
    ("約定", "Promise"), ("吻別", "Goodbye Kiss"), ("一千個傷心的理由", None), ("每天愛你多一些", None),
    ("忘情水", None), ("冰雨", "Ice Rain"), ("練習", None), ("今夜你會不會來", None), ("情深說話未曾講", None),
    ("對你愛不完", None), ("紅日", "Red Sun"), ("月半小夜曲", None), ("護花使者", None), ("一生不變", None),
    ("愛在深秋", None), ("講不出再見", None), ("朋友", "Friends"), ("風繼續吹", None), ("當年情", None),
    ("沉默是金", "Silence Is Golden"), ("似水流年", None), ("女人花", None), ("夕陽之歌", None), ("胭脂扣", None),
    ("記事本", "Notebook"), ("不如跳舞", "Let's Dance"), ("就算世界無童話", None), ("天使不在場", None),
    ("同花順", None), ("我的宣言", None), ("愛不疚", None), ("左右手", None), ("奇洛李維斯回信", None),
    ("男孩像你", None), ("命硬", None), ("好人", None), ("特別的人", "Special One"), ("春風吹", None),
    ("我好喜歡你", None), ("大會堂演奏廳", None), ("我本人", None), ("吳哥窟", "Angkor Wat"), ("明知做戲", None),
    ("木紋", None), ("相依為命", None), ("獨家村", None), ("絕對是個夢", None), ("上弦月", None),
    ("越吻越傷心", None), ("傷痕", "Scars"), ("夜太黑", None), ("陰天", None), ("他不愛我", None),
    ("偏偏喜歡你", None), ("一生何求", None), ("念親恩", None), ("海闊天空", "Boundless Oceans Vast Skies"),
    ("光輝歲月", "Glorious Years"), ("真的愛你", None), ("冷雨夜", "Cold Rainy Night"), ("灰色軌跡", None),
    ("銀河修理員", "Galactic Repairman"), ("到此為止", None), ("睡公主", None), ("小涼風", None), ("逆時針", None),
    ("蒙著嘴說愛你", None), ("鏡中鏡", None), ("作品的說話", None), ("肆無忌憚", None), ("一人之境", None),
    ("時光倒流一句話", None), ("魔鬼的細節", None), ("相信我", None), ("無名氏", None), ("記憶棉", "Memory Foam"),
    ("世一", None), ("哈囉", None), ("大男人不哭", None), ("越難越愛", None), ("泡沫", "Bubble"),
    ("光年之外", "Light Years Away"), ("多遠都要在一起", None), ("下一站天后", "Next Stop Diva"),
    ("戀愛大過天", None), ("晴天", "Sunny Day"), ("七里香", None), ("稻香", "Rice Field"), ("倔強", "Stubborn"),
    ("突然好想你", None), ("江南", None), ("可惜沒如果", None), ("遇見", "Encounter"), ("小幸運", None),
    ("喜帖街", None), ("彩虹", None), ("北京一夜", None), ("分手快樂", None), ("天后", "Diva"),
    ("愛與痛的邊緣", None), ("紅綠燈", None), ("全世界失眠", None), ("黃金時代", "Golden Age"),
    ("寂寞星期五", None), ("最後的玫瑰", None), ("千千闋歌", None), ("舊情人", None), ("明年今日", None),
    ("夏日之神話", None), ("一千零一夜", "One Thousand and One Nights"), ("深夜的士", None),
]
LATIN_SONGS = ["Shall We Talk", "Love Song", "Get Over You", "Where Did You Go", "Warrior", "Rewind", "IGNITE",
               "Dance Dance", "Sunshine", "Stay With Me", "Goodbye My Love", "One Last Time", "Brave Heart",
               "Forever Young", "Midnight Call", "Blue Moon", "Hello World", "Don't Cry", "Sorry", "Wake Up",
               "Dear Friend", "Sugar Rush", "Superstar", "My Way", "Hong Kong Blue"]
DRAMAS = ["使徒行者", "宮心計", "溏心風暴", "大時代", "名門暗戰", "法證先鋒", "金枝慾孽", "巾幗梟雄", "新聞女王",
          "家族榮耀", "降魔的", "誇世代", "廉政行動", "那年花開月正圓", "逆天奇案", "飛虎之潛行極戰"]
FILMS = ["阿飛正傳", "無間道", "少林足球", "桃姐", "一念無明", "毒舌大狀", "明日戰記", "正義迴廊"]
# (unlabelled prefix, the name labelled as an artist piece)
FEATS = [("MC ", "張天賦"), ("", "陳蕾"), ("", "Tyson Yoshi"), ("", "Gareth.T"), ("", "ToNick"), ("", "林家謙"),
         ("", "Nowhere Boys"), ("", "JW")]

NOISE_AFTER = ["(Official Music Video)", "Official MV", "[Official MV]", "MV", "(Lyric Video)", "[歌詞版]", "(歌詞)",
               "Lyrics", "[HD]", "高清", "(Live)", "(官方完整版MV)", "官方MV", "(Official Audio)", "[4K]",
               "HD 1080p", "(粵語版)", "(Acoustic Version)", "[Official Lyric Video]", "(Official MV)",
               "[MV]", "(動態歌詞)", "Lyric Video", "(Audio)", "[高音質]", "(Karaoke)", "(Piano Version)",
               "[字幕]", "OFFICIAL MUSIC VIDEO", "(Music Video)", "(Visualizer)", "(Teaser)", "Official Music Video"]
NOISE_BEFORE = ["[HD]", "【高清】", "[歌詞]", "【MV】", "[首播]", "【官方MV】", "[Official MV]", "[粵語]", "[經典]",
                "(Live)", "【4K】", "[MP3]", "[高清MV]", "【歌詞】", "[新歌]"]
CREDITS = ["(劇集《{D}》主題曲)", "(劇集 '{D}' 片尾曲)", "[ {D} 插曲 ]", "(TVB劇集「{D}」主題曲)",
           "(電視劇 {D} 片頭曲)", "(ViuTV劇集《{D}》插曲)", "【{D} 主題曲】", "(電影《{E}》主題曲)", "(電影 '{E}' 插曲)"]
CONCERTS = ["(Live in Hong Kong {Y})", "({a1} Live {Y})", "({a1} Concert {Y})", "[{Y}演唱會]", "({Y} 演唱會版)",
            "(Live at Hong Kong Coliseum)", "@ 紅館 {Y}", "({a1} World Tour {Y})"]

TEMPLATES = [
    # artist first, dash
    "{A1} {a1} - {T1} {N}", "{A1} - {T1} {N}", "{a1} {A1} - {T1} {N}", "{A1}{a1} - {T1}", "{A1} {a1} - 《{T1}》{N}",
    "{A1} - 《{T1}》 {N}", "{A1} {a1} -《{T1}》", "{A1} {a1} - {T1} {t1} {N}", "{A1} - {T1} {t1}", "{A1} {a1} － {T1}",
    "{A1} {a1} — {T1} {N}", "{A1} {a1} - 「{T1}」 {N}", "{A1} - {T1}", "{A1} {a1} - {T1}",
    # artist first, brackets
    "{A1} {a1}《{T1}》{N}", "{A1}《{T1}》{N}", "{A1} {a1}【{T1}】{N}", "{A1}【{T1}】{N}", "{A1}「{T1}」{N}",
    "{A1} {a1} 「{T1}」", "{A1} 『{T1}』 {N}", "{A1} {a1}《{T1}》({t1}) {N}", "{A1}《{T1}》{t1} {N}",
    "{A1} '{T1}' {N}", "{A1} \"{T1}\" {N}", "{A1} {a1} 《{T1} {t1}》 {N}", "{A1} [{T1}] {N}",
    # no separator
    "{A1} {T1} {N}", "{A1} {a1} {T1} {N}", "{A1}_{T1}_{N}", "{A1} _ {T1} {N}", "{A1}.{T1}", "{A1}：{T1}",
    "{A1} | {T1} | {N}", "{A1} / {T1} {N}",
    # song first
    "{T1} - {A1}", "{T1} - {A1} {a1} {N}", "{T1}－{A1} ({a1})", "{T1} - {A1} {N}", "【{T1}】{A1} {a1} {N}",
    "《{T1}》{A1} {N}", "《{T1}》- {A1} {a1}", "{T1} {A1} {N}", "{T1} by {A1}", "{T1} ({t1}) - {A1} {a1}",
    "「{T1}」{A1} {N}", "{T1}_{A1}_{N}", "{T1} / {A1}",
    # noise first
    "{P} {A1} - {T1}", "{P} {A1} {a1}《{T1}》", "{P}{T1}－{A1}", "{P} {T1} - {A1} {a1} {N}", "{P}【{T1}】{A1}",
    # drama and film credits
    "{A1} {a1} - {T1} {C} {N}", "{A1} - {T1} {C}", "{A1}《{T1}》{C} {N}", "{T1}－{A1} {C}", "{A1} {a1}【{T1}】{C}",
    "{C} {A1} - {T1}", "{A1} - 《{T1}》 {C} Official MV",
    # concerts
    "{A1} {a1} - {T1} {K}", "{T1} - {A1} {K}", "{A1} {K} {T1}", "{A1}《{T1}》{K}",
    # duets and groups
    "{A1} {a1} x {A2} {a2} - {T1} {N}", "{A1} x {A2} - {T1} {N}", "{A1} X {A2}《{T1}》{N}", "{A1}、{A2}《{T1}》{N}",
    "{A1}、{A2} - {T1}", "{A1} & {A2} - {T1} {N}", "{A1} {a1} & {A2} {a2}《{T1}》{N}", "{A1}／{A2}【{T1}】",
    "{A1} / {A2} - {T1} {N}", "{A1}_{A2} - {T1}", "{A1} x {A2} x {A3}《{T1}》{N}", "{A1}、{A2}、{A3} - {T1}",
    "{T1} - {A1} x {A2}", "{T1}－{A1}、{A2}", "{A1} {a1} ╳ {A2} {a2} - {T1}", "{A1} with {A2} - {T1} {N}",
    "{A1} 與 {A2}《{T1}》", "{A1} 及 {A2} - {T1}", "{A1} {a1} + {A2} {a2} - {T1}",
    # featuring (featured singers are artist pieces)
    "{A1} {a1} feat. {F} - {T1} {N}", "{A1} - {T1} ft. {F} {N}", "{A1} ft. {F}《{T1}》{N}", "{A1}《{T1}》feat. {F}",
    "{A1} - {T1} (feat. {F}) {N}", "{T1} - {A1} ft. {F}", "{A1} Ft. {F} - {T1}",
    # medleys
    "{A1} - {T1} + {T2} {N}", "{A1} {a1} - Medley: {T1} / {T2} / {T3}", "{A1}《{T1}》+《{T2}》{K}",
    "{A1} - {T1}_{T2}_{T3} (Medley)", "{A1} 《{T1}》《{T2}》 {N}", "{T1} / {T2} - {A1}",
]


# one character for one, so the spans stay right
YOUTUBE_DL_SAFE = str.maketrans({"/": "_", "|": "_", '"': "'", "?": "_", "*": "_"})
YT_DLP_SAFE = str.maketrans({"/": "\u29f8", "|": "\uff5c", '"': "\uff02", "?": "\uff1f", "*": "\uff0a", ":": "\uff1a"})


def glued_latin(title, s, e):
    latin = re.compile(r"[A-Za-z0-9.']")
    before = s >= 2 and title[s - 1] == " " and latin.match(title[s - 2]) and latin.match(title[s]) \
        and not title[:s - 1].lower().endswith(("ft.", "feat."))  # ft / feat and their dot stay apart
    after = e + 1 < len(title) and title[e] == " " and latin.match(title[e + 1]) and latin.match(title[e - 1])
    return bool(before or after)


def make_id(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(rng.choice(alphabet) for _ in range(10)) + rng.choice("AEIMQUYcgkosw048")


def fill(template, parts):
    """Builds the title; returns (title, artist spans, song spans) with spans as code-point offsets."""
    out = ""
    spans = {"A": [], "T": []}
    pos = 0
    for m in re.finditer(r"\{(\w+)\}|[^{]+", template):
        if m.group(1) is None:
            lit = m.group(0)
            if out.endswith(" ") and lit.startswith(" "):
                lit = lit[1:]
            out += lit
            continue
        key = m.group(1)
        value = parts.get(key, "")
        if value == "":
            continue
        if key[0] in "AT" and len(key) == 2:
            spans[key[0]].append((len(out), len(out) + len(value)))
        out += value
    # trim and collapse the doubled spaces an empty placeholder left, keeping spans right
    while True:
        i = out.find("  ")
        j = 0 if out.startswith(" ") else -1
        if j == 0:
            i = 0
        if i < 0:
            break
        out = out[:i] + out[i + 1:]
        for k in spans:
            spans[k] = [(s - (1 if s > i else 0), e - (1 if e > i else 0)) for s, e in spans[k]]
    if out.endswith(" "):
        out = out[:-1]
    return out, spans["A"], spans["T"]


def main():
    rng = random.Random(20261123)
    rows, seen = [], set()
    tries = 0
    while len(rows) < 360 and tries < 100000:
        tries += 1
        tpl = rng.choice(TEMPLATES)
        parts = {}
        n_artists = sum(1 for k in ("{A1}", "{A2}", "{A3}") if k in tpl)
        use_latin_act = n_artists == 1 and rng.random() < 0.15 and "{A1}{a1}" not in tpl
        chosen = rng.sample(SINGERS, n_artists) if n_artists else []
        for i, (zh, en) in enumerate(chosen, 1):
            parts["A%d" % i] = zh
            parts["a%d" % i] = en if rng.random() < 0.8 else ""
        if use_latin_act:
            parts["A1"] = rng.choice(LATIN_ACTS)
            parts["a1"] = ""
        n_songs = sum(1 for k in ("{T1}", "{T2}", "{T3}") if k in tpl)
        songs = rng.sample(SONGS, n_songs)
        latin_song = n_songs == 1 and "{t1}" not in tpl and rng.random() < 0.12
        for i, (zh, en) in enumerate(songs, 1):
            parts["T%d" % i] = zh
        if latin_song:
            parts["T1"] = rng.choice(LATIN_SONGS)
        en = songs[0][1] if songs else None
        parts["t1"] = en if (en and not latin_song) else ""
        if "{t1}" in tpl and not parts["t1"]:
            continue
        parts["N"] = rng.choice(NOISE_AFTER) if rng.random() < 0.85 else ""
        parts["P"] = rng.choice(NOISE_BEFORE)
        year = str(rng.choice(range(1999, 2025)))
        credit = rng.choice(CREDITS).replace("{D}", rng.choice(DRAMAS)).replace("{E}", rng.choice(FILMS))
        parts["C"] = credit
        concerts = [c for c in CONCERTS if parts.get("a1") or "{a1}" not in c]
        concert = rng.choice(concerts).replace("{Y}", year).replace("{a1}", parts.get("a1", ""))
        parts["K"] = concert
        parts["f"], parts["A9"] = rng.choice(FEATS)
        title, aspans, tspans = fill(tpl.replace("{F}", "{f}{A9}"), parts)
        pieces_a = [title[s:e] for s, e in aspans]
        pieces_t = [title[s:e] for s, e in tspans]
        if any(c in p for p in pieces_a + pieces_t for c in '/|"?*:'):
            continue
        # a Latin piece glued by a space to another Latin word would be one phrase token
        if any(glued_latin(title, s, e) for s, e in aspans + tspans):
            continue
        # each piece must be unambiguous: its text appears nowhere else in the title
        if any(title.count(p) != 1 for p in pieces_a + pieces_t):
            continue
        r = rng.random()
        if r < 0.14:  # youtube-dl: TITLE-ID.ext, with / | " made file-name safe
            title = title.translate(YOUTUBE_DL_SAFE) + "-" + make_id(rng) + rng.choice([".mp3", ".mp3", ".m4a", ".webm"])
        elif r < 0.25:  # yt-dlp: TITLE [ID].ext, with its full-width look-alikes
            title = title.translate(YT_DLP_SAFE) + " [" + make_id(rng) + "]" + rng.choice([".mp3", ".mp3", ".opus", ".m4a"])
        if title in seen:
            continue
        seen.add(title)
        rows.append((title, pieces_a, pieces_t, aspans, tspans))
    print("title\tartist\tsong\tartist_spans\tsong_spans")
    for title, pa, pt, sa, st in rows:
        print("\t".join([title, " | ".join(pa), " | ".join(pt),
                         ";".join("%d-%d" % s for s in sa), ";".join("%d-%d" % s for s in st)]))


if __name__ == "__main__":
    main()
