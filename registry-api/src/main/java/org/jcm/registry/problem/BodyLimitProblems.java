package org.jcm.registry.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.registry.document.DocumentBodyLimit;
import org.jcm.support.problem.RouteProblems;

/**
 * Answers an oversized request with a 413 problem. Quarkus enforces
 * {@code quarkus.http.limits.max-body-size} below JAX-RS and ends the response with no body:
 * for a declared Content-Length in a Vert.x route, and for a body sent without one while the
 * body is streamed. That limit is the ceiling of every body (it is the documents' limit,
 * {@code jcm.documents.max-size}); every body but a document upload is held to the smaller
 * {@code jcm.http.max-body-size} here. The first route (the shared
 * {@link RouteProblems#contentLengthLimit}) refuses a too large Content-Length just before
 * Quarkus's route does, leaving uploads to {@link DocumentBodyLimit}; the second takes the
 * streaming limit away from Quarkus so that {@link RequestBodyInterceptor} (JSON bodies) and the
 * document upload enforce their own and the mappers answer with a problem. Settlement has only
 * the first route, so each service registers its own.
 */
@ApplicationScoped
public class BodyLimitProblems {

    /** Just after Quarkus's own limit route, which marks streamed requests with the limit. */
    static final int STREAMED_BODY_ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    private final MemorySize maxBodySize;
    private final ObjectMapper json;

    BodyLimitProblems(@ConfigProperty(name = RequestBodyInterceptor.MAX_BODY_SIZE) MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodySize = maxBodySize;
        this.json = json;
    }

    void register(@Observes Router router) {
        Handler<RoutingContext> contentLength = RouteProblems.contentLengthLimit(json, maxBodySize.asLongValue());
        router.route().order(RouteProblems.CONTENT_LENGTH_ROUTE_ORDER).handler(context -> {
            if (DocumentBodyLimit.isUpload(context)) {
                context.next();
            } else {
                contentLength.handle(context);
            }
        });
        router.route().order(STREAMED_BODY_ROUTE_ORDER).handler(context -> {
            context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            context.next();
        });
    }
}
