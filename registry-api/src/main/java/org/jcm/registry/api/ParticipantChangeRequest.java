package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.id.ApplicationId;

/**
 * New participants of an application (and of its project once registered): applied at once when
 * the representative asks, pending the representative's consent when the proxy does.
 */
@Schema(description = "The participants as they are to be")
public record ParticipantChangeRequest(@Schema(required = true) ParticipantsRequest participants) {

    public ChangeParticipants toCommand(String applicationId) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        var named = Fields.required("participants", participants).toParticipants("participants");
        return Fields.shape(() -> new ChangeParticipants(id, named));
    }
}
