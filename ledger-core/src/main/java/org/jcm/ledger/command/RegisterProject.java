package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/**
 * Registers a JCM project under the Joint Committee's id. Registry administrator of
 * {@code registryId}, which must be a registry of Japan or of the host Party.
 */
public record RegisterProject(ProjectId projectId, String title, MethodologyId methodologyId, RegistryId registryId,
                              List<OrganizationId> participants) implements Command {
    public RegisterProject {
        Objects.requireNonNull(projectId, "projectId");
        Checks.freeText("title", title, Texts.NAME_MAX);
        Objects.requireNonNull(methodologyId, "methodologyId");
        Objects.requireNonNull(registryId, "registryId");
        participants = Texts.list("participants", participants, 100);
        if (participants.isEmpty()) {
            throw new InvalidValueException("participants", "[]", "must name at least one organization");
        }
        if (participants.stream().distinct().count() != participants.size()) {
            throw new InvalidValueException("participants", participants.toString(), "must not repeat an organization");
        }
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRegisterProject(this);
    }
}
