package org.jcm.registry.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Chooses between the JSON and the CSV form of a report (or the JSON and the plain text form of a
 * checkpoint) by the {@code Accept} header, and builds the answer.
 */
final class Representations {

    /** CSV as the reports send it (RFC 4180, UTF-8). */
    static final String TEXT_CSV = "text/csv";

    private Representations() {
    }

    /**
     * Whether the client prefers CSV: the first acceptable type (in the header's order of
     * preference) that names CSV or JSON decides; a bare wildcard means JSON, the default.
     */
    static boolean csv(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if ("text".equals(m.getType()) && ("csv".equals(m.getSubtype()) || m.isWildcardSubtype())) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the client prefers plain text: the first acceptable type (in the header's order of
     * preference) that names plain text or JSON decides; a bare wildcard means JSON, the default.
     */
    static boolean plainText(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if ("text".equals(m.getType()) && ("plain".equals(m.getSubtype()) || m.isWildcardSubtype())) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** A plain text answer in UTF-8, exactly these characters. */
    static Response text(String body) {
        return Response.ok(body, MediaType.TEXT_PLAIN + "; charset=UTF-8").build();
    }

    /** A CSV answer, offered as a download named {@code fileName}. */
    static Response csv(String body, String fileName) {
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
