package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/**
 * A JCM project was registered; {@code hostParty} is resolved from the project id's alpha-2 code
 * (the first host). Registered on the route by the Joint Committee's decision, it also carries the
 * application it comes from, every host Party (the first one first) and the financing; registered
 * by a registry administrator (the path before the route), those are empty and are not written, so
 * such events encode as they always did.
 */
public record ProjectRegistered(long seq, Instant at, Actor actor, ProjectId projectId, PartyCode hostParty,
                                RegistryId registryId, String title, MethodologyId methodologyId,
                                List<OrganizationId> participants, Optional<ApplicationId> applicationId,
                                List<PartyCode> hostParties, Optional<Financing> financing) implements LedgerEvent {
    public ProjectRegistered {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(methodologyId, "methodologyId");
        participants = List.copyOf(participants);
        Objects.requireNonNull(applicationId, "applicationId");
        hostParties = List.copyOf(hostParties);
        Objects.requireNonNull(financing, "financing");
        if (applicationId.isPresent() != financing.isPresent() || applicationId.isPresent() == hostParties.isEmpty()) {
            throw new IllegalArgumentException("an application's project carries its hosts and financing; another carries neither");
        }
    }

    /** A project registered by a registry administrator, without an application. */
    public ProjectRegistered(long seq, Instant at, Actor actor, ProjectId projectId, PartyCode hostParty, RegistryId registryId,
                             String title, MethodologyId methodologyId, List<OrganizationId> participants) {
        this(seq, at, actor, projectId, hostParty, registryId, title, methodologyId, participants, Optional.empty(), List.of(),
                Optional.empty());
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProjectRegistered(this);
    }
}
