package canto.genre.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Token strings to dense type numbers (0, 1, 2, ... in order of first sight), looked up
 * straight from the tokenizer's characters: a token already seen costs a hash and a compare,
 * no {@code String} and no boxed {@code Integer} (2 million tokens in the real lyrics, 60,000
 * distinct). Open addressing with linear probing, kept at most half full.
 */
final class TokenTable {
    private final List<String> types = new ArrayList<>();
    private int[] slots = new int[1 << 16];   // type number + 1, or 0 for empty
    private int[] hashes = new int[1 << 16];

    TokenTable() {}

    /** The type number of {@code text[start .. start+length)}, a new one if it is new. */
    int intern(char[] text, int start, int length) {
        int h = 0;
        for (int i = start; i < start + length; i++) h = 31 * h + text[i];
        int mask = slots.length - 1;
        for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
            int slot = slots[s];
            if (slot == 0) {
                int type = types.size();
                types.add(new String(text, start, length));
                slots[s] = type + 1;
                hashes[s] = h;
                if (2 * types.size() > slots.length) grow();
                return type;
            }
            if (hashes[s] == h && equals(types.get(slot - 1), text, start, length)) return slot - 1;
        }
    }

    /** The distinct tokens, by type number. */
    List<String> types() { return List.copyOf(types); }

    private static boolean equals(String word, char[] text, int start, int length) {
        if (word.length() != length) return false;
        for (int i = 0; i < length; i++) if (word.charAt(i) != text[start + i]) return false;
        return true;
    }

    private static int mix(int h) { return h ^ (h >>> 16); }

    private void grow() {
        int[] oldSlots = slots, oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] == 0) continue;
            int s = mix(oldHashes[i]) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = oldSlots[i];
            hashes[s] = oldHashes[i];
        }
    }
}
