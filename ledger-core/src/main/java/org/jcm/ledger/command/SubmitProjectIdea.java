package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.ProjectIdea;

/**
 * Submits a Project Idea Note: a new application, numbered by the ledger ({@code AP} + 8 digits).
 * An account holder of the representative participant or of its proxy.
 */
public record SubmitProjectIdea(ProjectIdea idea, Participants participants) implements Command {
    public SubmitProjectIdea {
        Objects.requireNonNull(idea, "idea");
        Objects.requireNonNull(participants, "participants");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitSubmitProjectIdea(this);
    }
}
