package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization taking part in a project. */
@Schema(description = "An organization taking part in a project")
public record ProjectParticipant(
        @Schema(example = "MNG01-O0001") String organizationId,
        @Schema(example = "Example Energy LLC") String name) {
}
