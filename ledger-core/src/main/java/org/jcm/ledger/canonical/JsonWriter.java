package org.jcm.ledger.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Serializer behind {@link Json#write(Object)} and {@link Jcs}; one instance per output. */
final class JsonWriter {

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(Jcs.MAX_SAFE_INTEGER);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean canonical;
    private final StringBuilder out = new StringBuilder(256);

    private JsonWriter(boolean canonical) {
        this.canonical = canonical;
    }

    static JsonWriter compact() {
        return new JsonWriter(false);
    }

    static JsonWriter canonical() {
        return new JsonWriter(true);
    }

    String write(Object value) {
        value(value, 0);
        return out.toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof Number) {
            number((Number) value);
        } else if (value instanceof Map) {
            object((Map<?, ?>) value, depth + 1);
        } else if (value instanceof List) {
            array((List<?>) value, depth + 1);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName()
                    + " as JSON; use Map<String, Object>, List, String, Long, Boolean or null");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        checkDepth(depth);
        Map.Entry<?, ?>[] members = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
        for (Map.Entry<?, ?> member : members) {
            if (!(member.getKey() instanceof String)) {
                throw new IllegalArgumentException("JSON member names must be strings, found "
                        + (member.getKey() == null ? "null" : member.getKey().getClass().getName()));
            }
        }
        if (canonical) {
            // RFC 8785 section 3.2.3: sort by UTF-16 code units, which is exactly String.compareTo.
            Arrays.sort(members, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
        }
        out.append('{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string((String) members[i].getKey());
            out.append(':');
            value(members[i].getValue(), depth);
        }
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        checkDepth(depth);
        out.append('[');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(element, depth);
        }
        out.append(']');
    }

    /** Bounds nesting so that a self-containing map fails clearly instead of overflowing the stack. */
    private static void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new IllegalArgumentException("value nests deeper than " + Json.MAX_DEPTH
                    + " levels (does a map or list contain itself?)");
        }
    }

    private void number(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            long n = number.longValue();
            if (canonical && (n > Jcs.MAX_SAFE_INTEGER || n < -Jcs.MAX_SAFE_INTEGER)) {
                throw outsideSafeRange(number);
            }
            out.append(n);
        } else if (number instanceof BigInteger) {
            if (canonical && ((BigInteger) number).abs().compareTo(MAX_SAFE) > 0) {
                throw outsideSafeRange(number);
            }
            out.append(number);
        } else if (number instanceof BigDecimal && !canonical) {
            out.append(number);
        } else if (canonical) {
            throw new IllegalArgumentException("JCS in this ledger encodes only integers (Long, Integer, Short, Byte,"
                    + " BigInteger) within +/-(2^53-1), found " + number.getClass().getSimpleName() + " " + number
                    + "; decimals such as prices travel as strings, e.g. \"1250.50\"");
        } else {
            throw new IllegalArgumentException("cannot write " + number.getClass().getName() + " " + number
                    + " as JSON; use Long, BigInteger or BigDecimal, never binary floating point");
        }
    }

    private static IllegalArgumentException outsideSafeRange(Number number) {
        return new IllegalArgumentException("integer " + number + " is outside the IEEE-754 safe range +/-(2^53-1)"
                + " that RFC 8785 numbers can represent exactly; large values travel as strings");
    }

    /** Escapes as ECMAScript JSON.stringify does, which is what RFC 8785 section 3.2.2.2 requires. */
    private void string(String s) {
        out.append('"');
        int runStart = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, runStart, i);
            escape(c, s, i);
            runStart = i + 1;
        }
        out.append(s, runStart, length).append('"');
    }

    private void escape(char c, String s, int index) {
        switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            default:
                if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException(String.format(
                            "unpaired surrogate U+%04X at index %d of a string; it has no UTF-8 encoding and"
                                    + " I-JSON (RFC 7493) forbids it", (int) c, index));
                }
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }
}
