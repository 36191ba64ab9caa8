package org.jcm.support.json;

import java.io.IOException;

/**
 * Thrown while a request body is read when it holds text that no field of the services can keep
 * (see {@link JsonTextGuard}). It is an {@link IOException} so that JSON parsers pass it through as
 * a failed read instead of reporting it as their own syntax error.
 */
public final class JsonTextException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The two kinds of refusal, each with its stable problem code. */
    public enum Kind {
        /** The body is not UTF-8 JSON text at all: a byte order mark, or a NUL byte. Code {@code malformed_json}. */
        NOT_UTF8_JSON("malformed_json"),
        /** A string or a field name holds a lone surrogate or U+0000. Code {@code invalid_text}. */
        INVALID_TEXT("invalid_text");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The problem code of this kind. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    JsonTextException(Kind kind, String field, String reason) {
        super(reason + (field == null ? "" : " (at " + field + ")"));
        this.kind = kind;
        this.field = field;
        this.reason = reason;
    }

    /** What was refused. */
    public Kind kind() {
        return kind;
    }

    /** The stable problem code: {@code malformed_json} or {@code invalid_text}. */
    public String code() {
        return kind.code();
    }

    /**
     * The path of the string at fault, such as {@code items[0].memo}, or {@code (body)} for the
     * document itself; null when the whole body is refused.
     */
    public String field() {
        return field;
    }

    /** What is wrong, for people; it never repeats the text at fault. */
    public String reason() {
        return reason;
    }
}
