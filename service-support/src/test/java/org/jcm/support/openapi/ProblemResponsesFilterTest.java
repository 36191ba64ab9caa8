package org.jcm.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.junit.jupiter.api.Test;

/** Tests that the filter gives an operation the set it names, in place of the repeated annotations. */
class ProblemResponsesFilterTest {

    static final class Filter extends ProblemResponsesFilter {
        Filter() {
            super(Map.of("mutation", ordered("400", "Bad request", "409", "Conflict", "503", "Retry")));
        }
    }

    @Test
    void an_operation_naming_a_set_gets_its_problem_responses_beside_its_own_in_status_order_and_loses_the_extension() {
        Operation operation = operation("mutation", Map.of("201", OASFactory.createAPIResponse().description("Created")));

        new Filter().filterOperation(operation);

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("400", "409", "503", "201");
        assertThat(operation.getResponses().getAPIResponses().keySet()).containsExactly("201", "400", "409", "503");
        APIResponse conflict = operation.getResponses().getAPIResponse("409");
        assertThat(conflict.getDescription()).isEqualTo("Conflict");
        assertThat(conflict.getContent().getMediaType("application/problem+json").getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(operation.getExtensions() == null ? Map.of() : operation.getExtensions())
                .doesNotContainKey(ProblemResponsesFilter.EXTENSION);
    }

    @Test
    void a_code_of_the_set_replaces_the_generic_response_smallrye_added() {
        Operation operation = operation("mutation", Map.of("400", OASFactory.createAPIResponse().description("Bad Request")));

        new Filter().filterOperation(operation);

        assertThat(operation.getResponses().getAPIResponse("400").getDescription()).isEqualTo("Bad request");
        assertThat(operation.getResponses().getAPIResponses().keySet()).containsExactly("400", "409", "503");
    }

    @Test
    void the_extension_is_removed_from_the_tags_it_lands_on() {
        Tag tag = OASFactory.createTag().name("Accounts").addExtension(ProblemResponsesFilter.EXTENSION, "mutation");

        new Filter().filterTag(tag);

        assertThat(tag.getExtensions() == null ? Map.of() : tag.getExtensions())
                .doesNotContainKey(ProblemResponsesFilter.EXTENSION);
    }

    @Test
    void the_extension_is_removed_from_the_responses_it_lands_on() {
        APIResponse created = OASFactory.createAPIResponse().description("Created").addExtension(ProblemResponsesFilter.EXTENSION, "mutation");

        new Filter().filterAPIResponse(created);

        assertThat(created.getExtensions() == null ? Map.of() : created.getExtensions())
                .doesNotContainKey(ProblemResponsesFilter.EXTENSION);
    }

    @Test
    void an_operation_naming_no_set_is_left_as_it_is() {
        Operation operation = operation(null, Map.of("200", OASFactory.createAPIResponse().description("OK")));

        new Filter().filterOperation(operation);

        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void a_set_the_service_does_not_define_fails_rather_than_dropping_responses() {
        Operation operation = operation("mutations", Map.of());

        assertThatThrownBy(() -> new Filter().filterOperation(operation))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'mutations'");
    }

    @Test
    void every_error_response_without_content_becomes_a_problem_and_429_and_503_carry_retry_after() {
        Operation operation = operation(null, Map.of("200", OASFactory.createAPIResponse().description("OK"),
                "401", OASFactory.createAPIResponse().description("Not Authorized"),
                "429", OASFactory.createAPIResponse().description("Rate limited")));

        new Filter().filterOperation(operation);

        assertThat(operation.getResponses().getAPIResponse("200").getContent()).isNull();
        assertThat(operation.getResponses().getAPIResponse("401").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(operation.getResponses().getAPIResponse("401").getHeaders()).isNull();
        assertThat(operation.getResponses().getAPIResponse("429").getHeaders()).containsKey(ProblemResponsesFilter.RETRY_AFTER);
    }

    @Test
    void a_set_s_503_carries_retry_after() {
        Operation operation = operation("mutation", Map.of());

        new Filter().filterOperation(operation);

        assertThat(operation.getResponses().getAPIResponse("503").getHeaders()).containsKey(ProblemResponsesFilter.RETRY_AFTER);
        assertThat(operation.getResponses().getAPIResponse("409").getHeaders()).isNull();
    }

    private static Operation operation(String set, Map<String, APIResponse> own) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses());
        own.forEach(operation.getResponses()::addAPIResponse);
        if (set != null) {
            operation.addExtension(ProblemResponsesFilter.EXTENSION, set);
        }
        return operation;
    }

    private static Map<String, String> ordered(String... codesAndDescriptions) {
        Map<String, String> set = new LinkedHashMap<>();
        for (int i = 0; i < codesAndDescriptions.length; i += 2) {
            set.put(codesAndDescriptions[i], codesAndDescriptions[i + 1]);
        }
        return set;
    }
}
