package org.jcm.registry.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request with a 413 problem. Quarkus enforces
 * {@code quarkus.http.limits.max-body-size} below JAX-RS and ends the response with no body:
 * for a declared Content-Length in a Vert.x route, and for a body sent without one while the
 * body is streamed. The first route here refuses a too large Content-Length just before
 * Quarkus's route does; the second takes the streaming limit away from Quarkus so that
 * {@link RequestBodyInterceptor} enforces it and the mappers answer with a problem.
 */
@ApplicationScoped
public class BodyLimitProblems {

    /** Just before Quarkus's own limit route, whose order is -2. */
    static final int CONTENT_LENGTH_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /** Just after Quarkus's own limit route, which marks streamed requests with the limit. */
    static final int STREAMED_BODY_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void register(@Observes Router router) {
        maxBodySize.ifPresent(limit -> {
            router.route().order(CONTENT_LENGTH_ROUTE_ORDER).handler(context -> refuseIfTooLarge(context, limit.asLongValue()));
            router.route().order(STREAMED_BODY_ROUTE_ORDER).handler(context -> {
                context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
                context.next();
            });
        });
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read, so the connection cannot be reused; close it as Quarkus does.
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(io.vertx.core.buffer.Buffer.buffer(body));
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
