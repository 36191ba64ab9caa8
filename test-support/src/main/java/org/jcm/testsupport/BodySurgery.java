package org.jcm.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The edits behind {@link Hostile}'s bodies: a valid JSON body parsed, one field replaced, every
 * string replaced, a field duplicated or nested deep, and bytes spliced into its text where no
 * JSON writer would put them (invalid UTF-8, raw surrogates, unstorable escapes).
 */
final class BodySurgery {

    private BodySurgery() {
    }

    static String escape(int unit, boolean upper) {
        return String.format(Locale.ROOT, upper ? "\\u%04X" : "\\u%04x", unit);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static Object parse(String valid) {
        try {
            return Hostile.JSON.readValue(valid, Object.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    static int countStrings(Object value) {
        if (value instanceof String) {
            return 1;
        } else if (value instanceof Map<?, ?> map) {
            return map.values().stream().mapToInt(BodySurgery::countStrings).sum();
        } else if (value instanceof List<?> list) {
            return list.stream().mapToInt(BodySurgery::countStrings).sum();
        }
        return 0;
    }

    /** The document with {@code bytes} spliced into the middle of its {@code n}-th string (depth first). */
    static byte[] spliceIntoString(Object tree, int n, byte[] bytes) {
        String marker = "\u0001SPLICE\u0001";
        int[] left = {n};
        Object marked = markString(tree, left, marker);
        byte[] json = Hostile.utf8(write(marked));
        String escapedMarker = Hostile.literal(marker);
        return spliceBytes(json, Hostile.utf8(escapedMarker.substring(1, escapedMarker.length() - 1)), bytes);
    }

    private static Object markString(Object value, int[] left, String marker) {
        if (value instanceof String text) {
            if (left[0]-- == 0) {
                return text.substring(0, text.length() / 2) + marker + text.substring(text.length() / 2);
            }
            return text;
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, markString(v, left, marker)));
            return copy;
        } else if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(markString(v, left, marker)));
            return copy;
        }
        return value;
    }

    private static byte[] spliceBytes(byte[] json, byte[] marker, byte[] replacement) {
        int at = indexOf(json, marker);
        if (at < 0) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(replacement);
        out.write(json, at + marker.length, json.length - at - marker.length);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(String valid) {
        try {
            Object parsed = Hostile.JSON.readValue(valid, Object.class);
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The body with one field's value replaced by raw JSON text. */
    static String replace(Map<String, Object> fields, String name, String rawValue) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(Hostile.literal(field.getKey())).append(':');
            json.append(field.getKey().equals(name) ? rawValue : write(field.getValue()));
        }
        return json.append('}').toString();
    }

    /** The body with every string, at any depth, replaced by {@code text}. */
    static String everyTextField(Map<String, Object> fields, String text) {
        return write(replaceStrings(fields, text));
    }

    private static Object replaceStrings(Object value, String text) {
        if (value instanceof String) {
            return text;
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, replaceStrings(v, text)));
            return copy;
        } else if (value instanceof List<?> list) {
            return list.stream().map(v -> replaceStrings(v, text)).toList();
        }
        return value;
    }

    static String nestInFirstField(Map<String, Object> fields, int depth) {
        if (fields.isEmpty()) {
            return "[".repeat(depth) + "]".repeat(depth);
        }
        return replace(fields, fields.keySet().iterator().next(), "[".repeat(depth) + "1" + "]".repeat(depth));
    }

    static String duplicateFirstField(String valid) {
        Map<String, Object> fields = fields(valid);
        if (fields.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        Map.Entry<String, Object> first = fields.entrySet().iterator().next();
        return "{" + Hostile.literal(first.getKey()) + ":" + write(first.getValue()) + "," + valid.substring(valid.indexOf('{') + 1);
    }

    static String withExtraField(Map<String, Object> fields, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(name, "x");
        return write(copy);
    }

    /** The body with one field set to a string holding bytes that are not UTF-8. */
    static byte[] invalidUtf8InField(Map<String, Object> fields, String name) {
        String marker = "\u0001MARK\u0001";
        String json = replace(fields, name, Hostile.literal(marker));
        return spliceInvalidUtf8(Hostile.utf8(json), Hostile.utf8(Hostile.literal(marker).substring(1, Hostile.literal(marker).length() - 1)));
    }

    static byte[] invalidUtf8InString(String text) {
        return spliceInvalidUtf8(Hostile.utf8("{\"a\":\"" + text + "\"}"), Hostile.utf8(text));
    }

    private static byte[] spliceInvalidUtf8(byte[] json, byte[] marker) {
        byte[] invalid = {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xE2,
            (byte) 0x82};
        int at = indexOf(json, marker);
        if (at < 0) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.write(invalid, 0, invalid.length);
        out.write(json, at + marker.length, json.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String write(Object value) {
        try {
            return Hostile.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
