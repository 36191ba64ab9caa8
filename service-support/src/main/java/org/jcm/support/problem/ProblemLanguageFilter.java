package org.jcm.support.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem answered through JAX-RS, by a mapper, a request filter or a resource, leaves in
 * the language the request's {@code Accept-Language} prefers ({@link ProblemLanguage}), with
 * {@code Content-Language} and {@code Vary: Accept-Language}, since the same request may be
 * answered in the other language. Problems answered below JAX-RS go through
 * {@link RouteProblems#end}, which does the same.
 */
public class ProblemLanguageFilter {

    /** The header that says the answer depends on the request's languages. */
    public static final String VARY_VALUE = HttpHeaders.ACCEPT_LANGUAGE;

    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        ProblemLanguage language = ProblemLanguage.negotiate(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        response.setEntity(ProblemTranslator.standard().translate(problem, language));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        if (!varies(response.getHeaderString(HttpHeaders.VARY))) {
            response.getHeaders().add(HttpHeaders.VARY, VARY_VALUE);
        }
    }

    /** Whether a {@code Vary} value already names {@code Accept-Language} (or {@code *}). */
    static boolean varies(String vary) {
        if (vary == null) {
            return false;
        }
        for (String name : vary.split(",")) {
            if (name.trim().equalsIgnoreCase(VARY_VALUE) || name.trim().equals("*")) {
                return true;
            }
        }
        return false;
    }
}
