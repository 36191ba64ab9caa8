package org.jcm.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered from a Vert.x route, below JAX-RS, where no exception mapper runs: the body
 * is written here, and the connection is closed because a request body that may follow is not read.
 * Used by {@link RequestHeadProblems} and by each service's body limit.
 */
public final class RouteProblems {

    /** Just before Quarkus's own body limit route, whose order is -2. */
    public static final int CONTENT_LENGTH_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private RouteProblems() {
    }

    /**
     * A route that answers 413 {@code body_too_large} when the declared {@code Content-Length} is
     * over {@code limitBytes}, just before Quarkus's own route would end the response with no body.
     */
    public static Handler<RoutingContext> contentLengthLimit(ObjectMapper json, long limitBytes) {
        return context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || !isOver(length, limitBytes)) {
                context.next();
                return;
            }
            end(context, json, Problem.of(413, HttpProblemCodes.BODY_TOO_LARGE,
                    "The request body is " + length.trim() + " bytes; the limit is " + limitBytes + " bytes."));
        };
    }

    /**
     * Ends the exchange with {@code problem}, in the language of the request's
     * {@code Accept-Language} (as {@link ProblemLanguageFilter} does above), and closes the
     * connection, as Quarkus does for its own refusals.
     */
    public static void end(RoutingContext context, ObjectMapper json, Problem problem) {
        ProblemLanguage language = ProblemLanguage.negotiate(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        byte[] body;
        try {
            body = json.writeValueAsBytes(ProblemTranslator.standard().translate(problem, language));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(Buffer.buffer(body));
    }

    private static boolean isOver(String length, long limitBytes) {
        try {
            return Long.parseLong(length.trim()) > limitBytes;
        } catch (NumberFormatException e) {
            // Quarkus's own route fails on a garbled length in the same way; leave it to the codec.
            return false;
        }
    }
}
