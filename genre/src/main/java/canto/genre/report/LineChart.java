package canto.genre.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A plain line chart — y in [0, 1] against x — drawn the same way as a PNG (Java2D, headless)
 * and as an SVG. Series with a name appear in the legend.
 */
public final class LineChart {
    /** One polyline; {@code name} null keeps it out of the legend. */
    public record Series(String name, Color color, float width, boolean dashed, double[] x, double[] y) {}

    private static final int W = 860, H = 500, LEFT = 60, RIGHT = 230, TOP = 46, BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double xMin, xMax;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel, double xMin, double xMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
    }

    public LineChart add(Series s) { series.add(s); return this; }

    private double px(double x) { return LEFT + (x - xMin) / (xMax - xMin) * (W - LEFT - RIGHT); }
    private double py(double y) { return H - BOTTOM - y * (H - TOP - BOTTOM); }

    /** The chart as PNG bytes. */
    public byte[] png() throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 10; i++) {
            int y = (int) Math.round(py(i / 10.0));
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT, y, W - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), LEFT - 30, y + 4);
        }
        for (double x : xTicks()) {
            int xp = (int) Math.round(px(x));
            g.setColor(Color.DARK_GRAY);
            g.drawLine(xp, H - BOTTOM, xp, H - BOTTOM + 4);
            String t = String.valueOf((long) x);
            g.drawString(t, xp - g.getFontMetrics().stringWidth(t) / 2, H - BOTTOM + 18);
        }
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        g.drawString(xLabel, (LEFT + W - RIGHT) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 12);
        g.drawString(yLabel, 8, TOP - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendY = TOP + 10;
        for (Series s : series) {
            g.setColor(s.color());
            float[] dash = s.dashed() ? new float[] {6f, 4f} : null;
            g.setStroke(new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < s.x().length; i++) {
                if (i == 0) path.moveTo(px(s.x()[i]), py(s.y()[i]));
                else path.lineTo(px(s.x()[i]), py(s.y()[i]));
            }
            g.draw(path);
            if (s.name() != null) {
                g.drawLine(W - RIGHT + 14, legendY - 4, W - RIGHT + 40, legendY - 4);
                g.setColor(Color.BLACK);
                g.drawString(s.name(), W - RIGHT + 46, legendY);
                legendY += 20;
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i <= 10; i++) {
            double y = py(i / 10.0);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e6e6e6\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" fill=\"#444\">%.1f</text>\n", LEFT, y, W - RIGHT, y, LEFT - 30, y + 4, i / 10.0));
        }
        for (double x : xTicks()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#444\" text-anchor=\"middle\">%d</text>\n",
                    px(x), H - BOTTOM + 18, (long) x));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n",
                LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>\n",
                (LEFT + W - RIGHT) / 2, H - 12, xml(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" fill=\"#444\">%s</text>\n", TOP - 10, xml(yLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\" font-weight=\"bold\">%s</text>\n", LEFT, xml(title)));
        int legendY = TOP + 10;
        for (Series s : series) {
            String stroke = String.format(Locale.ROOT, "stroke=\"%s\" stroke-width=\"%.1f\"%s", hex(s.color()), s.width(),
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : "");
            String opacity = s.color().getAlpha() < 255 ? String.format(Locale.ROOT, " stroke-opacity=\"%.2f\"", s.color().getAlpha() / 255.0) : "";
            sb.append("<polyline fill=\"none\" ").append(stroke).append(opacity).append(" points=\"");
            for (int i = 0; i < s.x().length; i++) {
                sb.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(s.x()[i]), py(s.y()[i])));
            }
            sb.append("\"/>\n");
            if (s.name() != null) {
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" %s/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>\n", W - RIGHT + 14, legendY - 4, W - RIGHT + 40, legendY - 4,
                        stroke, W - RIGHT + 46, legendY, xml(s.name())));
                legendY += 20;
            }
        }
        return sb.append("</svg>\n").toString();
    }

    private List<Double> xTicks() {
        double span = xMax - xMin;
        double step = span <= 10 ? 1 : span <= 25 ? 5 : span <= 100 ? 10 : Math.pow(10, Math.floor(Math.log10(span)));
        List<Double> ticks = new ArrayList<>();
        for (double x = Math.ceil(xMin / step) * step; x <= xMax + 1e-9; x += step) ticks.add(x);
        if (xMin == 1 && !ticks.contains(1.0)) ticks.add(0, 1.0);
        return ticks;
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String hex(Color c) { return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()); }
}
