package org.jcm.support.json;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON request body byte by byte as the JSON reader consumes it, and fails the read with a
 * {@link JsonTextException} at the first text that no field can keep:
 *
 * <ul>
 *   <li>a lone UTF-16 surrogate in any string or field name, written as an escape (a high
 *       surrogate, U+D800 to U+DBFF, not followed at once by the escape of a low one, or a low one,
 *       U+DC00 to U+DFFF, alone) or as the UTF-8 encoding of a surrogate (bytes {@code ED A0} to
 *       {@code ED BF}, which is not UTF-8 at all);</li>
 *   <li>U+0000 written as an escape;</li>
 * </ul>
 *
 * <p>Java strings carry such text without complaint, but PostgreSQL stores neither in {@code text}
 * nor in {@code jsonb}, and a JSON writer cannot write a lone surrogate back out: before this check
 * they failed deep inside the service (a 500, and a failed commit of the registry's writer). Both
 * are refused with code {@code invalid_text} and the path of the string, such as
 * {@code items[0].memo}.
 *
 * <p>The body must also be UTF-8 JSON text as RFC 8259 requires: one that starts with a byte
 * order mark, or that holds a NUL byte (UTF-16 and UTF-32 text always does, UTF-8 JSON never),
 * is refused with code {@code malformed_json}. JSON readers would otherwise skip the mark or
 * guess the encoding.
 *
 * <p>The check follows the document's structure only as far as it needs to name the path; it
 * does not judge the syntax, which the JSON reader does. Bytes are checked before the reader
 * parses them, so a body with both a syntax error and such text may be refused for the text.
 */
public final class JsonTextGuard extends FilterInputStream {

    private static final int OUTSIDE = 0;
    private static final int IN_STRING = 1;
    private static final int ESCAPE = 2;
    private static final int HEX = 3;
    private static final int NEED_BACKSLASH = 4;
    private static final int NEED_U = 5;

    /** Field names longer than this are shortened in the path that a refusal names. */
    private static final int MAX_NAME_BYTES = 128;

    /** One open object or array: which member or element is being read. */
    private static final class Frame {
        final boolean object;
        String name;
        int index;
        boolean expectingName;

        Frame(boolean object) {
            this.object = object;
            this.expectingName = object;
        }
    }

    private final List<Frame> frames = new ArrayList<>();
    private final ByteArrayOutputStream name = new ByteArrayOutputStream();
    private long position;
    private int state = OUTSIDE;
    private boolean stringIsName;
    private int hexDigits;
    private int unit;
    private boolean highPending;
    private int previous;

    /** Checks what is read from {@code in}. */
    public JsonTextGuard(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are read and checked like any other.
        long skipped = 0;
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // Not supported: the check would see bytes twice.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported");
    }

    /**
     * Checks a whole body at once.
     *
     * @throws JsonTextException at the first text that is refused
     */
    public static void check(byte[] body) throws JsonTextException {
        JsonTextGuard guard = new JsonTextGuard(InputStream.nullInputStream());
        for (byte b : body) {
            guard.check(b & 0xFF);
        }
    }

    private void check(int b) throws JsonTextException {
        if (position++ == 0 && (b == 0xEF || b == 0xFE || b == 0xFF)) {
            // No JSON text starts with these bytes; they begin a byte order mark.
            throw new JsonTextException(JsonTextException.Kind.NOT_UTF8_JSON, null,
                    "The body starts with a byte order mark; JSON text is sent as UTF-8 without one.");
        }
        if (b == 0) {
            throw new JsonTextException(JsonTextException.Kind.NOT_UTF8_JSON, null,
                    "The body holds a NUL byte; JSON text is sent as UTF-8, and NUL in a string is written \\u0000.");
        }
        switch (state) {
            case OUTSIDE -> structure(b);
            case IN_STRING -> inString(b);
            case ESCAPE -> escape(b);
            case HEX -> hex(b);
            case NEED_BACKSLASH -> {
                if (b != '\\') {
                    throw invalidText("a high surrogate (\\uD800 to \\uDBFF) without a low surrogate escape right after it");
                }
                keep(b);
                state = NEED_U;
            }
            case NEED_U -> {
                if (b != 'u') {
                    throw invalidText("a high surrogate (\\uD800 to \\uDBFF) without a low surrogate escape right after it");
                }
                keep(b);
                startHex();
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private void structure(int b) {
        Frame top = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        switch (b) {
            case '{' -> frames.add(new Frame(true));
            case '[' -> frames.add(new Frame(false));
            case '}', ']' -> {
                if (top != null) {
                    frames.remove(frames.size() - 1);
                }
            }
            case ',' -> {
                if (top != null && top.object) {
                    top.expectingName = true;
                } else if (top != null) {
                    top.index++;
                }
            }
            case ':' -> {
                if (top != null && top.object) {
                    top.expectingName = false;
                }
            }
            case '"' -> {
                state = IN_STRING;
                previous = 0;
                stringIsName = top != null && top.object && top.expectingName;
                name.reset();
            }
            default -> {
                // Whitespace, numbers, literals: the JSON reader judges them.
            }
        }
    }

    private void inString(int b) throws JsonTextException {
        if (b == '"') {
            if (stringIsName) {
                Frame top = frames.get(frames.size() - 1);
                top.name = decodeName();
                top.expectingName = false;
            }
            state = OUTSIDE;
            return;
        }
        if (previous == 0xED && b >= 0xA0 && b <= 0xBF) {
            throw invalidText("the UTF-8 encoding of a surrogate (bytes ED A0 to ED BF), which is not UTF-8");
        }
        previous = b;
        keep(b);
        if (b == '\\') {
            state = ESCAPE;
        }
    }

    private void escape(int b) {
        keep(b);
        previous = 0;
        if (b == 'u') {
            startHex();
        } else {
            state = IN_STRING;
        }
    }

    private void startHex() {
        state = HEX;
        hexDigits = 0;
        unit = 0;
    }

    private void hex(int b) throws JsonTextException {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            // Not an escape at all: the JSON reader refuses it as malformed.
            highPending = false;
            state = IN_STRING;
            inString(b);
            return;
        }
        keep(b);
        unit = unit * 16 + digit;
        if (++hexDigits < 4) {
            return;
        }
        boolean high = unit >= 0xD800 && unit <= 0xDBFF;
        boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (highPending) {
            if (!low) {
                throw invalidText("a high surrogate (\\uD800 to \\uDBFF) without a low surrogate escape right after it");
            }
            highPending = false;
            state = IN_STRING;
        } else if (unit == 0) {
            throw invalidText("U+0000 (\\u0000), which no text can store");
        } else if (high) {
            highPending = true;
            state = NEED_BACKSLASH;
        } else if (low) {
            throw invalidText("a low surrogate (\\uDC00 to \\uDFFF) without a high surrogate before it");
        } else {
            state = IN_STRING;
        }
    }

    /** Keeps the bytes of a field name being read, for the path of a later refusal. */
    private void keep(int b) {
        if (stringIsName && name.size() <= MAX_NAME_BYTES) {
            name.write(b);
        }
    }

    private JsonTextException invalidText(String what) {
        String where = stringIsName ? "A field name" : "A string";
        return new JsonTextException(JsonTextException.Kind.INVALID_TEXT, path(stringIsName),
                where + " holds " + what + "; text must be Unicode that can be stored.");
    }

    /**
     * The path of the string being read: every open container's member or element; for a field
     * name, the path of the object it is in.
     */
    private String path(boolean ofName) {
        StringBuilder path = new StringBuilder();
        int depth = ofName ? frames.size() - 1 : frames.size();
        for (int i = 0; i < depth; i++) {
            Frame frame = frames.get(i);
            if (frame.object) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(frame.name == null ? "?" : frame.name);
            } else {
                path.append('[').append(frame.index).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    /** The field name just read, with its escapes decoded; shortened if it was long. */
    private String decodeName() {
        boolean shortened = name.size() > MAX_NAME_BYTES;
        String raw = new String(name.toByteArray(), 0, Math.min(name.size(), MAX_NAME_BYTES), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                text.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            if (next == 'u' && i + 4 < raw.length()) {
                try {
                    text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                } catch (NumberFormatException e) {
                    text.append(next);
                }
            } else {
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> next;
                });
            }
        }
        return shortened ? text + "..." : text.toString();
    }
}
