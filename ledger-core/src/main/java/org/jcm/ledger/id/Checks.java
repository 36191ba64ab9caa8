package org.jcm.ledger.id;

/**
 * Hand-written character checks shared by the value types: no regular expressions, so parsing
 * ids stays cheap and its rules are spelled out next to each type.
 */
public final class Checks {

    private Checks() {
    }

    /** Throws unless {@code text} is non-null. Returns it for chaining. */
    public static String notNull(String type, String text) {
        if (text == null) {
            throw new InvalidValueException(type, null, "must not be null");
        }
        return text;
    }

    public static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAlnum(char c) {
        return isUpper(c) || isDigit(c) || (c >= 'a' && c <= 'z');
    }

    /** True if {@code text[from, to)} is all upper-case ASCII letters. */
    public static boolean upperRun(String text, int from, int to) {
        if (from < 0 || to > text.length() || from > to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isUpper(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code text[from, to)} is non-empty and all ASCII digits. */
    public static boolean digitRun(String text, int from, int to) {
        if (from < 0 || to > text.length() || from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reference chosen by people (issuance ids, authorization ids): a letter or digit first,
     * then up to {@code maxLength - 1} of letters, digits and {@code extra}.
     */
    public static String reference(String type, String text, int maxLength, String extra) {
        notNull(type, text);
        if (text.isEmpty() || text.length() > maxLength) {
            throw new InvalidValueException(type, text, "must be 1 to " + maxLength + " characters");
        }
        if (!isAlnum(text.charAt(0))) {
            throw new InvalidValueException(type, text, "must start with a letter or digit");
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlnum(c) && extra.indexOf(c) < 0) {
                throw new InvalidValueException(type, text,
                        "may contain only letters, digits and " + extra);
            }
        }
        return text;
    }

    /** Free text (names, memos, notes): 1..maxLength characters, no control characters. */
    public static String freeText(String type, String text, int maxLength) {
        notNull(type, text);
        if (text.isBlank() || text.length() > maxLength) {
            throw new InvalidValueException(type, text, "must be 1 to " + maxLength
                    + " characters and not blank");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new InvalidValueException(type, text, "must not contain control characters");
            }
        }
        return text;
    }

    /** Parses a non-negative decimal long without sign or leading zeros ("0" itself allowed). */
    public static long parseUnsignedLong(String type, String whole, String text) {
        if (!digitRun(text, 0, text.length())) {
            throw new InvalidValueException(type, whole, "'" + text + "' is not a number");
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new InvalidValueException(type, whole, "'" + text + "' has a leading zero");
        }
        if (text.length() > 16) {
            throw new InvalidValueException(type, whole, "'" + text + "' exceeds 2^53 - 1");
        }
        return Long.parseLong(text);
    }
}
