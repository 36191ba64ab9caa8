package org.jcm.testsupport;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;

/**
 * Checks that a document is valid OpenAPI 3 as a client generator reads it: swagger-parser (the
 * parser openapi-generator uses) parses it without resolving anything remote and lists every message
 * (a missing required field, a wrong type, a dangling reference). {@link OpenApiCompleteness} checks
 * what the services promise beyond validity.
 */
public final class OpenApiValidity {

    private OpenApiValidity() {
    }

    /** The parser's messages about {@code json}; empty when it is a valid OpenAPI 3 document. */
    public static List<String> messages(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getOpenAPI() == null && (result.getMessages() == null || result.getMessages().isEmpty())) {
            return List.of("not an OpenAPI document");
        }
        return result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    }
}
