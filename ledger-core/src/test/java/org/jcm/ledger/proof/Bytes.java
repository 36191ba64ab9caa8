package org.jcm.ledger.proof;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Small byte helpers for the tests. */
final class Bytes {

    private Bytes() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Returns a copy with one byte XORed with a non-zero mask, at a position picked modulo the length. */
    static byte[] flip(byte[] bytes, int pick, int mask) {
        byte[] copy = bytes.clone();
        copy[Math.floorMod(pick, copy.length)] ^= (byte) mask;
        return copy;
    }

    /** Returns deep copies of the hashes. */
    static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> out = new ArrayList<>();
        hashes.forEach(h -> out.add(h.clone()));
        return out;
    }

    /** True when both lists hold the same bytes in the same order. */
    static boolean same(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
