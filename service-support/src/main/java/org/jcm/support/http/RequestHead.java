package org.jcm.support.http;

import java.util.Map;

/**
 * The size limits of a request's head that both services answer with a problem: the request line
 * (method, target and version) at most {@value #MAX_REQUEST_LINE} bytes, else 414 URI Too Long; the
 * header section (every {@code name: value} line) at most {@value #MAX_HEADER_SECTION} bytes, else
 * 431 Request Header Fields Too Large.
 *
 * <p>The HTTP parser below the services has limits of its own, which it answers with a bare status
 * and no body before any of the service's code runs. The services set those higher
 * ({@value #PARSER_REQUEST_LINE} and {@value #PARSER_HEADER_SECTION} bytes), so that a head between
 * the two limits reaches the service and is refused with a problem it can explain.
 */
public final class RequestHead {

    /** The longest request line a service takes, in bytes. */
    public static final int MAX_REQUEST_LINE = 8192;
    /** The largest header section a service takes, in bytes. */
    public static final int MAX_HEADER_SECTION = 20480;
    /** The HTTP parser's own limit of the request line ({@code quarkus.http.limits.max-initial-line-length}). */
    public static final int PARSER_REQUEST_LINE = 65536;
    /** The HTTP parser's own limit of the header section ({@code quarkus.http.limits.max-header-size}). */
    public static final int PARSER_HEADER_SECTION = 65536;

    private static final int VERSION_LENGTH = "HTTP/1.1".length();

    private RequestHead() {
    }

    /**
     * 414 if the request line is too long, 431 if the header section is too large, 0 if the head
     * is within the limits.
     */
    public static int refusal(String method, String target, Iterable<Map.Entry<String, String>> headers) {
        long line = (long) method.length() + 1 + target.length() + 1 + VERSION_LENGTH;
        if (line > MAX_REQUEST_LINE) {
            return 414;
        }
        long section = 0;
        for (Map.Entry<String, String> header : headers) {
            section += header.getKey().length() + 2L + header.getValue().length() + 2L;
            if (section > MAX_HEADER_SECTION) {
                return 431;
            }
        }
        return 0;
    }
}
