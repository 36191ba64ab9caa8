package org.jcm.settlement.problem;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.jcm.support.json.JsonTextGuard;
import org.jcm.support.problem.ContentTypes;

/**
 * Guards every request body that a resource method reads: it must be UTF-8 JSON text whose strings
 * can be stored ({@link JsonTextGuard}: no byte order mark, no lone surrogate, no U+0000, refused
 * with {@code malformed_json} or {@code invalid_text}), and it must say what it is
 * ({@link ContentTypes}: a body without {@code Content-Type} is 415 {@code unsupported_media_type}).
 */
@Provider
public class RequestBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new JsonTextGuard(ContentTypes.requireForBody(context.getHeaders(), context.getInputStream())));
        return context.proceed();
    }
}
