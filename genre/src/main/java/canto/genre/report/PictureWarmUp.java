package canto.genre.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws and encodes one tiny throw-away PNG on a background thread while the model trains, so
 * that Java2D's start-up (headless toolkit, the fonts the charts use, anti-aliased shapes and
 * text, the PNG writer: about half a second on a cold JVM) is done before the pictures are
 * drawn. Drawing is deterministic, so the pictures are byte for byte the same with and without.
 * {@link #finish} waits for it; a failure here is ignored (the real picture reports its own).
 */
public final class PictureWarmUp {
    private final Thread thread;

    private PictureWarmUp() {
        thread = new Thread(PictureWarmUp::drawOnce, "canto-picture-warm-up");
        thread.setDaemon(true);
    }

    /** Starts the warm-up thread. */
    public static PictureWarmUp start() {
        PictureWarmUp w = new PictureWarmUp();
        w.thread.start();
        return w;
    }

    /** Waits until the warm-up is done. */
    public void finish() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drawOnce() {
        try {
            System.setProperty("java.awt.headless", "true");
            BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 64, 32);
            g.setColor(new Color(31, 119, 180, 150));
            g.fillOval(3, 3, 4, 4);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f));
            g.drawLine(0, 0, 63, 31);
            for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                g.setFont(new Font(Font.SANS_SERIF, style, 12));
                g.drawString("genre 0.1 →↓", 2, 20);
                g.getFontMetrics().stringWidth("warm");
            }
            g.dispose();
            ImageIO.write(img, "png", new ByteArrayOutputStream());
        } catch (IOException | RuntimeException | java.awt.AWTError | LinkageError e) {
            // no fonts, no display libraries: the real pictures will say so
        }
    }
}
