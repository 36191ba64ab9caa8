package org.jcm.registry.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.support.json.JsonTextGuard;
import org.jcm.support.problem.ContentTypes;
import org.jcm.support.problem.JsonProblems;
import org.jcm.support.problem.ProblemException;

/**
 * Guards every JSON request body that a resource method reads (every body but a document
 * upload's, which the upload reads as an {@link InputStream} and checks itself): it may not exceed
 * {@value #MAX_BODY_SIZE} (bodies sent without Content-Length are counted here, see
 * {@link BodyLimitProblems}); it must be
 * UTF-8 JSON text whose strings can be stored ({@link JsonTextGuard}: no byte order mark, no lone
 * surrogate, no U+0000, refused with {@code malformed_json} or {@code invalid_text}); it must say
 * what it is ({@link ContentTypes}: a body without {@code Content-Type} is 415
 * {@code unsupported_media_type}); and it may not be empty, because Quarkus's JSON reader would
 * turn an empty body into a null argument.
 */
@Provider
public class RequestBodyInterceptor implements ReaderInterceptor {

    /** The largest JSON body, in bytes: every body but a document upload's. */
    static final String MAX_BODY_SIZE = "jcm.http.max-body-size";

    private final long limitBytes;

    RequestBodyInterceptor(@ConfigProperty(name = MAX_BODY_SIZE) MemorySize maxBodySize) {
        this.limitBytes = maxBodySize.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            // The document upload reads its raw bytes itself, with its own type and size checks.
            return context.proceed();
        }
        context.setInputStream(new JsonTextGuard(new LimitedInputStream(
                ContentTypes.requireForBody(context.getHeaders(), context.getInputStream()), limitBytes)));
        Object entity = context.proceed();
        if (entity == null) {
            throw new ProblemException(400, ProblemCodes.MALFORMED_JSON, JsonProblems.emptyBody().detail());
        }
        return entity;
    }
}
