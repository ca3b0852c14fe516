package canto.tagger.id3;

/** Small byte-array helpers. */
final class Bytes {
    private Bytes() {}

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static boolean startsWith(byte[] b, int at, String ascii) {
        if (at < 0 || at + ascii.length() > b.length) return false;
        for (int i = 0; i < ascii.length(); i++) if (b[at + i] != (byte) ascii.charAt(i)) return false;
        return true;
    }
}
