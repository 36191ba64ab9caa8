package org.jcm.ledger.id;

/**
 * A value given from outside (a request field, a stored row) does not satisfy its type's format
 * or limits. The REST layer maps it to 400 with the offending text
 * and the reason.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String type;
    private final String text;
    private final String reason;

    public InvalidValueException(String type, String text, String reason) {
        super(type + " '" + abbreviate(text) + "' is invalid: " + reason);
        this.type = type;
        this.text = text;
        this.reason = reason;
    }

    /** The simple name of the value type that refused the text, e.g. {@code AccountId}. */
    public String type() {
        return type;
    }

    /** The offending text as given (may be {@code null}). */
    public String text() {
        return text;
    }

    /** Why it was refused, one sentence fragment. */
    public String reason() {
        return reason;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
