package org.jcm.ledger.proof;

import java.util.Base64;

/** The strict text codecs shared by keys, notes, checkpoints and cosignatures. */
final class Codec {

    private static final String HEX = "0123456789abcdef";

    private Codec() {
    }

    /**
     * Decodes standard base64 (RFC 4648 section 4, with padding) and refuses every other spelling of
     * the same bytes (missing padding, non-zero trailing bits, line breaks), so that one value has
     * exactly one text form.
     */
    static byte[] base64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new NoteFormatException(what + " is not in canonical base64 (standard alphabet, with padding)");
        }
        return bytes;
    }

    /** Encodes bytes as standard base64 with padding. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Parses a key ID written as exactly 8 lowercase hex digits. */
    static int keyIdHex(String text, String what) {
        if (text.length() != 8) {
            throw new NoteFormatException(what + " must be 8 lowercase hex digits");
        }
        int id = 0;
        for (int i = 0; i < 8; i++) {
            int digit = HEX.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new NoteFormatException(what + " must be 8 lowercase hex digits");
            }
            id = id << 4 | digit;
        }
        return id;
    }

    /** Formats a key ID as 8 lowercase hex digits. */
    static String keyIdHex(int keyId) {
        return String.format("%08x", keyId);
    }

    /** Reads a big-endian 32-bit integer. */
    static int int32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8 | bytes[offset + 3] & 0xff;
    }

    /** Writes a big-endian 32-bit integer. */
    static void putInt32(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    /**
     * True for a key name (and a checkpoint origin): non-empty, no Unicode space, no plus sign (U+002B)
     * and no control character, as golang.org/x/mod/sumdb/note and C2SP signed-note require.
     */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || !isValidText(name)) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || cp == '\n' || cp == 0x85
                || Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }

    /**
     * True when text is well-formed Unicode (no unpaired surrogate, so it encodes to valid UTF-8) with
     * no control character below U+0020 other than newline, as C2SP signed-note requires.
     */
    static boolean isValidText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
