package org.jcm.settlement.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.support.problem.RouteProblems;

/**
 * Answers a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem. Quarkus enforces the limit in a
 * Vert.x route below JAX-RS and ends the response with no body at all; the shared
 * {@link RouteProblems#contentLengthLimit} route runs just before it. (A body sent without
 * Content-Length that grows past the limit still gets Quarkus's bare 413.) The registry also counts
 * streamed bodies itself, so each service registers its own routes.
 */
@ApplicationScoped
public class BodyLimitProblems {

    private final Optional<Long> limitBytes;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json) {
        this.limitBytes = maxBodySize.map(MemorySize::asLongValue);
        this.json = json;
    }

    void register(@Observes Router router) {
        limitBytes.ifPresent(limit -> router.route().order(RouteProblems.CONTENT_LENGTH_ROUTE_ORDER)
                .handler(RouteProblems.contentLengthLimit(json, limit)));
    }
}
