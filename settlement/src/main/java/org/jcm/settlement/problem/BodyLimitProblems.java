package org.jcm.settlement.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem. Quarkus enforces the limit in a
 * Vert.x route below JAX-RS and ends the response with no body at all; this route runs just
 * before it. (A body sent without Content-Length that grows past the limit still gets Quarkus's
 * bare 413.)
 */
@ApplicationScoped
public class BodyLimitProblems {

    /** Just before Quarkus's own limit route. */
    static final int CONTENT_LENGTH_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void register(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(CONTENT_LENGTH_ROUTE_ORDER)
                .handler(context -> refuseIfTooLarge(context, limit.asLongValue())));
    }

    private void refuseIfTooLarge(RoutingContext context, long limitBytes) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isOver(length, limitBytes)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, ProblemCodes.BODY_TOO_LARGE,
                "The request body is " + length.trim() + " bytes; the limit is " + limitBytes + " bytes.");
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read, so the connection cannot be reused; close it as Quarkus does.
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(Buffer.buffer(body));
    }

    private static boolean isOver(String length, long limitBytes) {
        try {
            return Long.parseLong(length.trim()) > limitBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
