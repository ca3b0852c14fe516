package canto.genre.data;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Class names to ids as scikit-learn's {@code LabelEncoder}: the distinct names sorted
 * (by code point, as Python sorts strings), numbered from 0.
 */
public final class LabelEncoder {
    /** The encoder of the dataset's seven genres: blues 0, country 1, hip hop 2, jazz 3, pop 4, reggae 5, rock 6. */
    public static final LabelEncoder GENRES =
            fit(List.of("pop", "country", "blues", "rock", "jazz", "reggae", "hip hop"));

    private final String[] classes;

    private LabelEncoder(String[] classes) { this.classes = classes; }

    /** Learns the sorted distinct names of {@code labels}. */
    public static LabelEncoder fit(Iterable<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(LabelEncoder::compareCodePoints);
        for (String s : labels) distinct.add(s);
        return new LabelEncoder(distinct.toArray(new String[0]));
    }

    /** The id of {@code name}, or -1 when it is not one of the classes. */
    public int encode(String name) {
        int i = Arrays.binarySearch(classes, name, LabelEncoder::compareCodePoints);
        return i >= 0 ? i : -1;
    }

    public String decode(int id) { return classes[id]; }
    public int size() { return classes.length; }
    public List<String> classes() { return List.of(classes); }

    /** Python's string order: by Unicode code point (Java's compareTo orders UTF-16 units). */
    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
