package org.jcm.registry.problem;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows past the size limit. It is an
 * {@link IOException} so that JSON parsers pass it through as a failed read, not as bad JSON.
 */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    /** A body that exceeded {@code limitBytes}. */
    public BodyTooLargeException(long limitBytes) {
        super("The request body exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    /** The limit that was exceeded. */
    public long limitBytes() {
        return limitBytes;
    }
}
