package canto.genre.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A confusion matrix as a PNG: rows are the true genres, columns the predicted ones; each cell
 * shows the share of its row (recall on the diagonal) as colour and text, and the count;
 * the right-hand column gives each genre's F1 and the row total.
 */
public final class ConfusionChart {
    private static final int CELL = 78, LEFT = 120, TOP = 92, RIGHT = 120, BOTTOM = 40;

    private ConfusionChart() {}

    /** @param c counts {@code [true][predicted]}; {@code classes} their names */
    public static byte[] png(int[][] c, List<String> classes, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int k = c.length, w = LEFT + k * CELL + RIGHT, h = TOP + k * CELL + BOTTOM;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 10, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("predicted genre →   (cell: share of the true genre's songs, and count)", LEFT, 44);
        double[] f1 = Metrics.f1PerClass(c);
        FontMetrics fm = g.getFontMetrics();
        for (int j = 0; j < k; j++) centered(g, classes.get(j), LEFT + j * CELL + CELL / 2, TOP - 10);
        centered(g, "F1 (n)", LEFT + k * CELL + RIGHT / 2, TOP - 10);
        for (int i = 0; i < k; i++) {
            long total = 0;
            for (int j = 0; j < k; j++) total += c[i][j];
            int y = TOP + i * CELL;
            g.setColor(Color.BLACK);
            g.drawString(classes.get(i), LEFT - 10 - fm.stringWidth(classes.get(i)), y + CELL / 2 + 4);
            for (int j = 0; j < k; j++) {
                double share = total == 0 ? 0 : (double) c[i][j] / total;
                int x = LEFT + j * CELL;
                g.setColor(shade(share, i == j));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(new Color(0xCCCCCC));
                g.drawRect(x, y, CELL, CELL);
                g.setColor(share > 0.45 ? Color.WHITE : Color.BLACK);
                centered(g, String.format(Locale.ROOT, "%.0f%%", 100 * share), x + CELL / 2, y + CELL / 2 - 2);
                centered(g, Integer.toString(c[i][j]), x + CELL / 2, y + CELL / 2 + 14);
            }
            g.setColor(Color.BLACK);
            centered(g, String.format(Locale.ROOT, "%.3f (%d)", f1[i], total), LEFT + k * CELL + RIGHT / 2, y + CELL / 2 + 4);
        }
        g.drawString("true genre ↓", 10, TOP - 10);
        g.drawString(String.format(Locale.ROOT, "accuracy %.3f, macro-F1 %.3f", Metrics.accuracy(c), Metrics.macroF1(c)), LEFT, h - 14);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** White to blue (diagonal) or white to orange (errors) by the row share. */
    private static Color shade(double share, boolean diagonal) {
        double s = Math.min(1, share);
        int[] to = diagonal ? new int[] {0x1f, 0x4e, 0x9c} : new int[] {0xd9, 0x5f, 0x0e};
        return new Color((int) (255 + (to[0] - 255) * s), (int) (255 + (to[1] - 255) * s), (int) (255 + (to[2] - 255) * s));
    }

    private static void centered(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }
}
