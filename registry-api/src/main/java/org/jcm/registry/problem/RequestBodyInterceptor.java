package org.jcm.registry.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.support.json.JsonTextGuard;
import org.jcm.support.problem.ContentTypes;
import org.jcm.support.problem.JsonProblems;
import org.jcm.support.problem.ProblemException;

/**
 * Guards every request body that a resource method reads: it may not exceed the size limit
 * (bodies sent without Content-Length are counted here, see {@link BodyLimitProblems}); it must be
 * UTF-8 JSON text whose strings can be stored ({@link JsonTextGuard}: no byte order mark, no lone
 * surrogate, no U+0000, refused with {@code malformed_json} or {@code invalid_text}); it must say
 * what it is ({@link ContentTypes}: a body without {@code Content-Type} is 415
 * {@code unsupported_media_type}); and it may not be empty, because Quarkus's JSON reader would
 * turn an empty body into a null argument.
 */
@Provider
public class RequestBodyInterceptor implements ReaderInterceptor {

    private final long limitBytes;

    RequestBodyInterceptor(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.limitBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new JsonTextGuard(new LimitedInputStream(
                ContentTypes.requireForBody(context.getHeaders(), context.getInputStream()), limitBytes)));
        Object entity = context.proceed();
        if (entity == null) {
            throw new ProblemException(400, ProblemCodes.MALFORMED_JSON, JsonProblems.emptyBody().detail());
        }
        return entity;
    }
}
