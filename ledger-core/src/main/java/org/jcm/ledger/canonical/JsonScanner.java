package org.jcm.ledger.canonical;

import java.math.BigDecimal;

/**
 * The lexical level of {@link JsonParser}: a position in the text and the tokens read from it
 * (strings, member names, numbers, literals, whitespace), each checked as strictly as RFC 8259 and
 * {@link Json} require, with errors that point at the offending offset. The grammar (values,
 * objects, arrays, nesting) is {@link JsonParser}'s.
 */
abstract class JsonScanner {

    /**
     * Recently seen member names, shared by all parsers: event logs repeat the same few dozen
     * names millions of times, and reusing one String per name saves a substring and a hash
     * computation per member (its hash is cached in the String). Direct-mapped by hash; a slot is
     * simply overwritten on a collision. Racy reads and writes are safe because a String is
     * immutable and safely published through its final fields; the worst a race does is a miss.
     */
    private static final String[] NAMES = new String[1024];
    /** Longer names, or names with escapes or characters outside printable ASCII, are not cached. */
    private static final int MAX_CACHED_NAME = 32;
    /** Integers with at most this many digits cannot overflow a long (10^18 - 1 < 2^63 - 1). */
    private static final int SAFE_DIGITS = 18;

    final String text;
    final int length;
    int pos;

    JsonScanner(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Parses a member name like {@link #parseString()}, reusing the cached String for a common name. */
    final String parseName() {
        int start = pos + 1;
        int end = start;
        int hash = 0;
        while (true) {
            if (end >= length || end - start > MAX_CACHED_NAME) {
                return parseString();
            }
            char c = text.charAt(end);
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return parseString();
            }
            hash = 31 * hash + c;
            end++;
        }
        pos = end + 1;
        int n = end - start;
        int slot = (hash ^ (hash >>> 16)) & (NAMES.length - 1);
        String cached = NAMES[slot];
        if (cached != null && cached.length() == n && text.regionMatches(start, cached, 0, n)) {
            return cached;
        }
        String name = text.substring(start, end);
        NAMES[slot] = name;
        return name;
    }

    final String parseString() {
        int open = pos++;
        int runStart = pos;
        StringBuilder unescaped = null;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                String run = text.substring(runStart, pos++);
                return unescaped == null ? run : unescaped.append(run).toString();
            }
            if (c == '\\') {
                unescaped = unescaped == null ? new StringBuilder() : unescaped;
                unescaped.append(text, runStart, pos);
                appendEscape(unescaped);
                runStart = pos;
            } else {
                checkRawChar(c);
            }
        }
        throw error("unterminated string", open);
    }

    /** Checks one unescaped string character and advances past it (two for a surrogate pair). */
    final void checkRawChar(char c) {
        if (c < 0x20) {
            throw error("unescaped control character " + describe(c) + " in string", pos);
        }
        if (Character.isHighSurrogate(c)) {
            if (pos + 1 >= length || !Character.isLowSurrogate(text.charAt(pos + 1))) {
                throw error("unpaired high surrogate " + describe(c) + " in string", pos);
            }
            pos += 2;
            return;
        }
        if (Character.isLowSurrogate(c)) {
            throw error("unpaired low surrogate " + describe(c) + " in string", pos);
        }
        pos++;
    }

    final void appendEscape(StringBuilder out) {
        int escapeOffset = pos;
        if (pos + 1 >= length) {
            throw error("unterminated escape sequence", escapeOffset);
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u': appendUnicodeEscape(out, escapeOffset); break;
            default: throw error("invalid escape sequence \\" + printable(c), escapeOffset);
        }
    }

    final void appendUnicodeEscape(StringBuilder out, int escapeOffset) {
        char unit = hex4(escapeOffset);
        if (Character.isLowSurrogate(unit)) {
            throw error("unpaired low surrogate escape " + describe(unit), escapeOffset);
        }
        if (Character.isHighSurrogate(unit)) {
            // A high surrogate is meaningful only when the very next escape supplies its partner.
            int lowOffset = pos;
            if (!text.startsWith("\\u", pos)) {
                throw error("high surrogate escape " + describe(unit) + " not followed by a low surrogate escape", escapeOffset);
            }
            pos += 2;
            char low = hex4(lowOffset);
            if (!Character.isLowSurrogate(low)) {
                throw error("high surrogate escape " + describe(unit) + " followed by " + describe(low) + ", not a low surrogate", lowOffset);
            }
            out.append(unit).append(low);
            return;
        }
        out.append(unit);
    }

    final char hex4(int escapeOffset) {
        if (pos + 4 > length) {
            throw error("incomplete \\u escape", escapeOffset);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(text.charAt(pos + i));
            if (digit < 0) {
                throw error("invalid hex digit " + describe(text.charAt(pos + i)) + " in \\u escape", escapeOffset);
            }
            value = value << 4 | digit;
        }
        pos += 4;
        return (char) value;
    }

    final Object parseNumber() {
        int start = pos;
        consume('-');
        scanIntegerPart(start);
        boolean integral = true;
        if (consume('.')) {
            integral = false;
            scanDigits("expected a digit after the decimal point");
        }
        if (consume('e') || consume('E')) {
            integral = false;
            if (!consume('+')) {
                consume('-');
            }
            scanDigits("expected a digit in the exponent");
        }
        if (integral) {
            int digitsStart = text.charAt(start) == '-' ? start + 1 : start;
            if (pos - digitsStart <= SAFE_DIGITS) {
                long value = 0;
                for (int i = digitsStart; i < pos; i++) {
                    value = value * 10 + (text.charAt(i) - '0');
                }
                return digitsStart == start ? value : -value;
            }
        }
        String token = text.substring(start, pos);
        return integral ? toLong(token, start) : toDecimal(token, start);
    }

    final void scanIntegerPart(int start) {
        if (consume('0')) {
            if (isDigit(peek())) {
                throw error("leading zeros are not allowed", start);
            }
            return;
        }
        scanDigits("expected a digit");
    }

    final void scanDigits(String reason) {
        if (!isDigit(peek())) {
            throw error(reason, pos);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    final Long toLong(String token, int start) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error("integer " + token + " does not fit in a signed 64-bit long", start);
        }
    }

    final BigDecimal toDecimal(String token, int start) {
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("number " + abbreviate(token) + " is out of range (exponent too large)", start);
        }
    }

    final Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected '" + word + "'", pos);
        }
        pos += word.length();
        return value;
    }

    final void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Returns the current character, or NUL at the end of input; NUL is never valid there anyway. */
    final char peek() {
        return pos < length ? text.charAt(pos) : '\0';
    }

    final boolean consume(char c) {
        if (pos < length && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    final void expect(char c, String reason) {
        if (!consume(c)) {
            throw error(pos < length ? reason + ", found " + describe(text.charAt(pos)) : reason + ", found end of input", pos);
        }
    }

    final JsonException error(String reason, int offset) {
        return new JsonException(reason, offset, text);
    }

    /** Returns the value of an ASCII hex digit, or -1; Character.digit would accept non-ASCII digits. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return c >= 0x20 && c < 0x7f ? "'" + c + "' (" + code + ")" : code;
    }

    static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }

    static String quote(String key) {
        return "\"" + abbreviate(key) + "\"";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
