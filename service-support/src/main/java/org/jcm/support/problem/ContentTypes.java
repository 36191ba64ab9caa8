package org.jcm.support.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A request body must say what it is. Every body either service reads is JSON, and a body sent
 * without {@code Content-Type} was read as JSON anyway; now it is 415 {@code unsupported_media_type},
 * as a body of any other type is. A request without a body needs no {@code Content-Type} (such as
 * the optional bodies of the registry's freeze, unfreeze and revoke).
 */
public final class ContentTypes {

    private ContentTypes() {
    }

    /**
     * The body stream, unchanged in what it yields, after checking that a non-empty body has a
     * {@code Content-Type}.
     *
     * @throws ProblemException 415 {@code unsupported_media_type} for a body without one
     */
    public static InputStream requireForBody(MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (type != null && !type.isBlank()) {
            return body;
        }
        PushbackInputStream peek = new PushbackInputStream(body, 1);
        int first = peek.read();
        if (first < 0) {
            return peek;
        }
        throw new ProblemException(415, HttpProblemCodes.UNSUPPORTED_MEDIA_TYPE,
                "The request has a body but no Content-Type; send it as Content-Type: application/json.");
    }
}
