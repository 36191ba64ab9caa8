package org.jcm.registry.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.support.problem.RouteProblems;

/**
 * The document upload's size limit on its declared {@code Content-Length}, answered below JAX-RS
 * before a byte of the body is read: more than {@code jcm.documents.max-size} is 413
 * {@code document_too_large}, and the connection is closed. It runs just before the service's
 * other bodies' limit ({@code BodyLimitProblems}, which leaves uploads to this route) and
 * Quarkus's own, which is the ceiling of every body and must not be below the documents' limit:
 * the service refuses to start if it is, because Quarkus would then answer large uploads itself,
 * with a bare 413. A body sent without a length is counted as it is read ({@link ReceivedBody}).
 */
@ApplicationScoped
public class DocumentBodyLimit {

    /** The upload's path. */
    public static final String UPLOAD_PATH = "/api/v1/documents";
    /** Just before the other bodies' Content-Length route. */
    static final int ROUTE_ORDER = RouteProblems.CONTENT_LENGTH_ROUTE_ORDER - 1;

    private final long limitBytes;
    private final Optional<MemorySize> quarkusLimit;
    private final ObjectMapper json;

    DocumentBodyLimit(DocumentConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusLimit, ObjectMapper json) {
        this.limitBytes = config.maxSize().asLongValue();
        this.quarkusLimit = quarkusLimit;
        this.json = json;
    }

    void register(@Observes Router router) {
        if (quarkusLimit.isPresent() && quarkusLimit.get().asLongValue() < limitBytes) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + quarkusLimit.get().asLongValue()
                    + " bytes) is below jcm.documents.max-size (" + limitBytes + " bytes): set it to at least that"
                    + " (application.properties sets it to ${jcm.documents.max-size})");
        }
        router.route().order(ROUTE_ORDER).handler(this::checkLength);
    }

    /** Whether the request is a document upload, whose body is a document rather than JSON. */
    public static boolean isUpload(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && UPLOAD_PATH.equals(context.normalizedPath());
    }

    /** The limit in bytes. */
    public long limitBytes() {
        return limitBytes;
    }

    private void checkLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isUpload(context) || !isOver(length)) {
            context.next();
            return;
        }
        RouteProblems.end(context, json, DocumentProblems.tooLargeProblem(limitBytes,
                "The document is " + length.trim() + " bytes"));
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limitBytes;
        } catch (NumberFormatException e) {
            // Quarkus's own route fails on a garbled length in the same way; leave it to the codec.
            return false;
        }
    }
}
