package org.jcm.registry.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.support.problem.RouteProblems;

/**
 * Answers an oversized request with a 413 problem. Quarkus enforces
 * {@code quarkus.http.limits.max-body-size} below JAX-RS and ends the response with no body:
 * for a declared Content-Length in a Vert.x route, and for a body sent without one while the
 * body is streamed. The first route (the shared {@link RouteProblems#contentLengthLimit}) refuses
 * a too large Content-Length just before Quarkus's route does; the second takes the streaming
 * limit away from Quarkus so that {@link RequestBodyInterceptor} enforces it and the mappers answer
 * with a problem. Settlement has only the first route, so each service registers its own.
 */
@ApplicationScoped
public class BodyLimitProblems {

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
            router.route().order(RouteProblems.CONTENT_LENGTH_ROUTE_ORDER)
                    .handler(RouteProblems.contentLengthLimit(json, limit.asLongValue()));
            router.route().order(STREAMED_BODY_ROUTE_ORDER).handler(context -> {
                context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
                context.next();
            });
        });
    }
}
