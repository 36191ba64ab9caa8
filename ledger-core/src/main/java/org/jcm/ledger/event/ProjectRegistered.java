package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/** A JCM project was registered; {@code hostParty} is resolved from the project id's alpha-2 code. */
public record ProjectRegistered(long seq, Instant at, Actor actor, ProjectId projectId, PartyCode hostParty,
                                RegistryId registryId, String title, MethodologyId methodologyId,
                                List<OrganizationId> participants) implements LedgerEvent {
    public ProjectRegistered {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(methodologyId, "methodologyId");
        participants = List.copyOf(participants);
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProjectRegistered(this);
    }
}
