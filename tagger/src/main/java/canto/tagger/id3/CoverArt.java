package canto.tagger.id3;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures for car stereos ({@code --cover car}): yt-dlp embeds the video thumbnail, a 1280x720
 * PNG or JPEG; many head units show nothing above 300-500 px, cannot decode PNG or progressive
 * JPEG, or stall on a large picture. The front cover (picture type 3, else the first picture)
 * becomes a square baseline JPEG: the centre square of the image, scaled down to at most
 * {@code size} pixels, quality 0.9 (the JDK's ImageIO; no other library).
 */
final class CoverArt {
    static final float QUALITY = 0.9f;

    private CoverArt() {}

    /** The frames with every APIC removed. */
    static List<RawFrame> strip(List<RawFrame> frames, List<String> notes) {
        List<RawFrame> out = new ArrayList<>();
        int removed = 0;
        for (RawFrame f : frames) {
            if (f.id().equals("APIC")) removed++;
            else out.add(f);
        }
        if (removed > 0) notes.add("removed " + removed + (removed == 1 ? " picture" : " pictures"));
        return out;
    }

    /** The frames with the front cover re-encoded for car stereos (unchanged when it already is such a JPEG). */
    static List<RawFrame> forCar(List<RawFrame> frames, int size, List<String> notes) {
        int front = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).id().equals("APIC")) continue;
            Picture p = Picture.parse(frames.get(i).data());
            if (p == null) continue;
            if (front < 0 || p.type == 3 && Picture.parse(frames.get(front).data()).type != 3) front = i;
        }
        if (front < 0) return frames;
        RawFrame f = frames.get(front);
        Picture p = Picture.parse(f.data());
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(p.image()));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        if (img == null) {
            notes.add("cover left as it was: its image (" + p.mime + ") cannot be decoded");
            return frames;
        }
        int side = Math.min(img.getWidth(), img.getHeight());
        int target = Math.min(size, side);
        if (p.isJpeg() && img.getWidth() == img.getHeight() && img.getWidth() <= size && baselineJpeg(p.image())) return frames;
        byte[] jpeg;
        try {
            jpeg = jpeg(squareScaled(img, target));
        } catch (IOException | RuntimeException e) {
            notes.add("cover left as it was: it could not be re-encoded (" + Mp3Reader.describe(e) + ")");
            return frames;
        }
        List<RawFrame> out = new ArrayList<>(frames);
        out.set(front, f.withData(p.withImage("image/jpeg", jpeg)));
        notes.add("cover re-encoded: " + img.getWidth() + "x" + img.getHeight() + " " + p.mime + " -> " + target + "x" + target
                + " baseline JPEG");
        return out;
    }

    private static BufferedImage squareScaled(BufferedImage img, int target) {
        int side = Math.min(img.getWidth(), img.getHeight());
        int x = (img.getWidth() - side) / 2, y = (img.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, target, target, x, y, x + side, y + side, java.awt.Color.BLACK, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage img) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IOException("no JPEG writer in this JDK");
        ImageWriter w = it.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam param = w.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            w.write(null, new IIOImage(img, null, null), param);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** True when the JPEG's first start-of-frame marker is baseline (SOF0) or extended sequential (SOF1), not progressive. */
    static boolean baselineJpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) return false;
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC1) return true;
            if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) return false;
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            i += 2 + len;
        }
        return false;
    }

    /** An APIC frame's parts: encoding, MIME type, picture type, description bytes (with terminator), image. */
    private record Picture(byte encoding, String mime, int type, byte[] description, byte[] data, int imageAt) {
        static Picture parse(byte[] d) {
            if (d.length < 4) return null;
            int mimeEnd = Id3Text.findTerminator(d, 1, Id3Text.LATIN1);
            if (mimeEnd < 0 || mimeEnd + 2 > d.length) return null;
            int descStart = mimeEnd + 2;
            int descEnd = Id3Text.findTerminator(d, descStart, d[0]);
            if (descEnd < 0) return null;
            int imageAt = descEnd + Id3Text.terminatorLength(d[0]);
            return new Picture(d[0], new String(d, 1, mimeEnd - 1, StandardCharsets.ISO_8859_1), d[mimeEnd + 1] & 0xFF,
                    java.util.Arrays.copyOfRange(d, descStart, imageAt), d, imageAt);
        }

        byte[] image() {
            return java.util.Arrays.copyOfRange(data, imageAt, data.length);
        }

        boolean isJpeg() {
            return mime.equalsIgnoreCase("image/jpeg") || mime.equalsIgnoreCase("image/jpg");
        }

        byte[] withImage(String newMime, byte[] image) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 64);
            out.write(encoding);
            out.writeBytes(newMime.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
            out.write(type);
            out.writeBytes(description);
            out.writeBytes(image);
            return out.toByteArray();
        }
    }
}
