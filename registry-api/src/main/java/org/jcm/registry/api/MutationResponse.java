package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted mutation: the created resource's id (if any) and the events it appended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An accepted mutation: the id of what it created (registry, organization, account, project, "
        + "issuance request, issuance; absent otherwise) and the events it appended")
public record MutationResponse(
        @Schema(description = "Id of the created or changed resource", example = "JPN01-H00002") String id,
        @Schema(description = "The events, in sequence order") List<EventSummary> events) {
}
