package org.jcm.support.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jcm.support.http.RequestHead;

/**
 * Answers a request whose head is too large with a problem: 414 {@code uri_too_long} for a request
 * line over {@value RequestHead#MAX_REQUEST_LINE} bytes, 431 {@code header_fields_too_large} for a
 * header section over {@value RequestHead#MAX_HEADER_SECTION} bytes. Vert.x's HTTP parser answers
 * heads over its own limits itself, with a bare status, before any route runs; its limits are set
 * higher ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) so that this
 * route, the first of all, sees and refuses everything in between.
 */
@ApplicationScoped
public class RequestHeadProblems {

    /** Before everything else that may answer, the body limit included. */
    static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    private final ObjectMapper json;

    public RequestHeadProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::refuseIfTooLarge);
    }

    private void refuseIfTooLarge(RoutingContext context) {
        int status = RequestHead.refusal(context.request().method().name(), context.request().uri(),
                context.request().headers());
        if (status == 0) {
            context.next();
            return;
        }
        RouteProblems.end(context, json, status == 414
                ? Problem.of(414, HttpProblemCodes.URI_TOO_LONG, "The request line is longer than "
                        + RequestHead.MAX_REQUEST_LINE + " bytes; shorten the path or the query.")
                : Problem.of(431, HttpProblemCodes.HEADER_FIELDS_TOO_LARGE, "The request's headers are larger than "
                        + RequestHead.MAX_HEADER_SECTION + " bytes in all."));
    }
}
