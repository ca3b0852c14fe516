package canto.genre.report;

import canto.engine.io.Json;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The post's word-embedding picture: each vocabulary word at its two principal components
 * ({@link Pca} of the embedding rows; the padding row is left out), as a CSV
 * ({@code word,x0,x1}), a self-contained HTML page (canvas + inline script: the word under the
 * mouse is shown; works offline) and a PNG. Points are coloured by the genre the word leans
 * to ({@link WordGenreLean}), grey when it is rare. The PNG labels the frequent words
 * (at least {@link #LABEL_MIN_COUNT} occurrences) that lie farthest from the centre: the
 * common words the model moved most; the HTML can hide words below a chosen count.
 */
public final class EmbeddingMap {
    static final Color[] GENRE_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
    };
    static final Color RARE = new Color(0xBBBBBB);
    /** How many words get a label in the PNG. */
    static final int PNG_LABELS = 30;
    /** Only words at least this frequent are considered for a label. */
    static final int LABEL_MIN_COUNT = 100;

    private final List<String> words;   // id order = vocabulary order (most frequent first after <unk>)
    private final double[] xy;          // [words, 2]
    private final int[] lean;           // genre id or -1 per word
    private final int[] counts;         // occurrences in the training songs, per word
    private final List<String> genres;
    private final String title;

    /**
     * @param words the vocabulary, by id; {@code xy [words, 2]} their coordinates
     */
    public EmbeddingMap(List<String> words, double[] xy, int[] lean, int[] counts, List<String> genres, String title) {
        if (xy.length != 2 * words.size() || lean.length != words.size() || counts.length != words.size()) {
            throw new IllegalArgumentException("sizes differ");
        }
        this.words = words;
        this.xy = xy;
        this.lean = lean;
        this.counts = counts;
        this.genres = genres;
        this.title = title;
    }

    /** {@code word,x0,x1}, one row per word in vocabulary order, RFC 4180 quoting. */
    public String csv() throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            p.printRecord("word", "x0", "x1");
            for (int i = 0; i < words.size(); i++) {
                p.printRecord(words.get(i), FixedDecimal.format(xy[2 * i], 6), FixedDecimal.format(xy[2 * i + 1], 6));
            }
        }
        return out.toString();
    }

    /** A standalone HTML page: canvas scatter, hover shows the word, a box finds a word. */
    public String html() {
        StringBuilder w = new StringBuilder("[");
        StringBuilder p = new StringBuilder("[");
        StringBuilder c = new StringBuilder("[");
        StringBuilder n = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) { w.append(','); p.append(','); c.append(','); n.append(','); }
            n.append(counts[i]);
            w.append(Json.quote(words.get(i)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
            p.append(FixedDecimal.format(xy[2 * i], 4)).append(',').append(FixedDecimal.format(xy[2 * i + 1], 4));
            c.append(lean[i]);
        }
        StringBuilder g = new StringBuilder("[");
        StringBuilder col = new StringBuilder("[");
        for (int i = 0; i < genres.size(); i++) {
            g.append(i == 0 ? "" : ",").append(Json.quote(genres.get(i)));
            col.append(i == 0 ? "" : ",").append('"').append(LineChart.hex(GENRE_COLORS[i % GENRE_COLORS.length])).append('"');
        }
        // numbers and fixed names first, the words last: a word cannot contain a later placeholder
        String template = TEMPLATE
                .replace("@TITLE@", LineChart.xml(title))
                .replace("@GENRES@", g.append(']'))
                .replace("@COLORS@", col.append(']'))
                .replace("@RARE@", LineChart.hex(RARE))
                .replace("@MIN@", String.valueOf(WordGenreLean.MIN_COUNT))
                .replace("@XY@", p.append(']'))
                .replace("@LEAN@", c.append(']'))
                .replace("@COUNTS@", n.append(']'))
                .replace("@WORDS@", w.append(']'));
        return template;
    }

    /** A PNG scatter, frequent far-out words labelled (see {@link #labelled()}). */
    public byte[] png() throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 1000, height = 800, m = 50;
        double[] box = bounds();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x444444));
        g.drawRect(m, m, width - 2 * m - 150, height - 2 * m);
        double sx = (width - 2 * m - 150) / (box[2] - box[0]), sy = (height - 2 * m) / (box[3] - box[1]);
        // rare words first, so the coloured ones are drawn on top
        for (int pass = 0; pass < 2; pass++) {
            for (int i = words.size() - 1; i >= 0; i--) {
                if ((lean[i] < 0) != (pass == 0)) continue;
                Color base = lean[i] < 0 ? RARE : GENRE_COLORS[lean[i] % GENRE_COLORS.length];
                g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), lean[i] < 0 ? 70 : 150));
                double px = m + (xy[2 * i] - box[0]) * sx, py = height - m - (xy[2 * i + 1] - box[1]) * sy;
                g.fillOval((int) Math.round(px) - 2, (int) Math.round(py) - 2, 4, 4);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i : labelled()) {
            double px = m + (xy[2 * i] - box[0]) * sx, py = height - m - (xy[2 * i + 1] - box[1]) * sy;
            g.setColor(Color.BLACK);
            g.drawOval((int) Math.round(px) - 3, (int) Math.round(py) - 3, 6, 6);
            g.drawString(words.get(i), (int) px + 4, (int) py - 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, m, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("PC 1", (width - 150) / 2, height - 18);
        g.drawString("PC 2", 10, m - 8);
        int ly = m + 10;
        for (int i = 0; i < genres.size(); i++, ly += 20) {
            g.setColor(GENRE_COLORS[i % GENRE_COLORS.length]);
            g.fillOval(width - 180, ly - 8, 9, 9);
            g.setColor(Color.BLACK);
            g.drawString("leans " + genres.get(i), width - 165, ly);
        }
        g.setColor(RARE);
        g.fillOval(width - 180, ly - 8, 9, 9);
        g.setColor(Color.BLACK);
        g.drawString("< " + WordGenreLean.MIN_COUNT + " occurrences", width - 165, ly);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The words the PNG labels: frequent ones farthest from the centre of the projection. */
    int[] labelled() {
        double cx = 0, cy = 0;
        for (int i = 0; i < words.size(); i++) { cx += xy[2 * i] / words.size(); cy += xy[2 * i + 1] / words.size(); }
        final double fx = cx, fy = cy;
        return java.util.stream.IntStream.range(0, words.size())
                .filter(i -> counts[i] >= LABEL_MIN_COUNT)
                .boxed()
                .sorted((a, b) -> Double.compare(Math.hypot(xy[2 * b] - fx, xy[2 * b + 1] - fy), Math.hypot(xy[2 * a] - fx, xy[2 * a + 1] - fy)))
                .limit(PNG_LABELS)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** {minX, minY, maxX, maxY} with a small margin. */
    private double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < words.size(); i++) {
            b[0] = Math.min(b[0], xy[2 * i]); b[2] = Math.max(b[2], xy[2 * i]);
            b[1] = Math.min(b[1], xy[2 * i + 1]); b[3] = Math.max(b[3], xy[2 * i + 1]);
        }
        double px = Math.max(1e-9, (b[2] - b[0]) * 0.03), py = Math.max(1e-9, (b[3] - b[1]) * 0.03);
        return new double[] {b[0] - px, b[1] - py, b[2] + px, b[3] + py};
    }

    private static final String TEMPLATE = String.join("\n",
        "<!DOCTYPE html>",
        "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>@TITLE@</title>",
        "<style>body{font-family:sans-serif;margin:16px}#wrap{position:relative;display:inline-block}",
        "canvas{border:1px solid #999}#tip{position:absolute;pointer-events:none;background:#fff;border:1px solid #666;",
        "padding:2px 6px;font-size:13px;display:none;white-space:nowrap}#legend span{margin-right:14px}</style></head>",
        "<body><h3>@TITLE@</h3>",
        "<p>Each point is a word of the vocabulary at the first two principal components of its embedding row. ",
        "Hover to see the word. Colour: the genre in whose training songs the word is relatively most frequent ",
        "(grey: fewer than @MIN@ occurrences).</p>",
        "<p>Find a word: <input id=\"q\" size=\"20\"> <span id=\"found\"></span> &nbsp; ",
        "Show words seen at least <input id=\"min\" type=\"number\" min=\"0\" value=\"0\" style=\"width:6em\"> times ",
        "<span id=\"shown\"></span></p>",
        "<div id=\"legend\"></div>",
        "<div id=\"wrap\"><canvas id=\"c\" width=\"960\" height=\"720\"></canvas><div id=\"tip\"></div></div>",
        "<script>",
        "const W=@WORDS@;",
        "const P=@XY@;",
        "const L=@LEAN@;",
        "const N=@COUNTS@;",
        "const G=@GENRES@, C=@COLORS@, RARE='@RARE@';",
        "const cv=document.getElementById('c'), ctx=cv.getContext('2d'), tip=document.getElementById('tip');",
        "let x0=Infinity,x1=-Infinity,y0=Infinity,y1=-Infinity;",
        "for(let i=0;i<W.length;i++){const x=P[2*i],y=P[2*i+1];if(x<x0)x0=x;if(x>x1)x1=x;if(y<y0)y0=y;if(y>y1)y1=y;}",
        "const m=20, sx=(cv.width-2*m)/((x1-x0)||1), sy=(cv.height-2*m)/((y1-y0)||1);",
        "const X=i=>m+(P[2*i]-x0)*sx, Y=i=>cv.height-m-(P[2*i+1]-y0)*sy;",
        "let mark=-1, minCount=0;",
        "const vis=i=>N[i]>=minCount||i===mark;",
        "function draw(){ctx.clearRect(0,0,cv.width,cv.height);",
        " let shown=0;for(const pass of [0,1])for(let i=W.length-1;i>=0;i--){if((L[i]<0)!==(pass===0)||!vis(i))continue;shown++;",
        "  ctx.globalAlpha=L[i]<0?0.35:0.7;ctx.fillStyle=L[i]<0?RARE:C[L[i]];ctx.fillRect(X(i)-1.5,Y(i)-1.5,3,3);}",
        " ctx.globalAlpha=1;if(mark>=0){ctx.strokeStyle='#000';ctx.lineWidth=2;ctx.beginPath();",
        "  ctx.arc(X(mark),Y(mark),7,0,2*Math.PI);ctx.stroke();ctx.fillStyle='#000';ctx.font='14px sans-serif';",
        "  ctx.fillText(W[mark],X(mark)+9,Y(mark)-9);}",
        " document.getElementById('shown').textContent='('+shown+' of '+W.length+' words shown)';}",
        "draw();",
        "document.getElementById('legend').innerHTML=G.map((g,i)=>'<span style=\"color:'+C[i]+'\">&#9679; '+g+'</span>').join('')",
        " +'<span style=\"color:'+RARE+'\">&#9679; rare</span>';",
        "cv.addEventListener('mousemove',e=>{const r=cv.getBoundingClientRect(),mx=e.clientX-r.left,my=e.clientY-r.top;",
        " let best=-1,bd=64;for(let i=0;i<W.length;i++){if(!vis(i))continue;const dx=X(i)-mx,dy=Y(i)-my,d=dx*dx+dy*dy;if(d<bd){bd=d;best=i;}}",
        " if(best<0){tip.style.display='none';return;}",
        " tip.textContent=W[best]+(L[best]>=0?' (leans '+G[L[best]]+')':'')+', seen '+N[best]+'x  ['+P[2*best].toFixed(2)+', '+P[2*best+1].toFixed(2)+']';",
        " tip.style.left=(mx+12)+'px';tip.style.top=(my+12)+'px';tip.style.display='block';});",
        "cv.addEventListener('mouseleave',()=>{tip.style.display='none';});",
        "document.getElementById('q').addEventListener('input',e=>{const q=e.target.value.trim().toLowerCase();",
        " mark=q?W.indexOf(q):-1;document.getElementById('found').textContent=q&&mark<0?'not in the vocabulary':'';draw();});",
        "document.getElementById('min').addEventListener('input',e=>{minCount=Math.max(0,+e.target.value||0);draw();});",
        "</script></body></html>",
        "");
}
