package org.jcm.ledger.event;

/** A JSON value tree is not a well-formed ledger event: missing or mistyped field, unknown type or enum name. */
public final class EventFormatException extends IllegalArgumentException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
