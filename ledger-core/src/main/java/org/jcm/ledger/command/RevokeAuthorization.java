package org.jcm.ledger.command;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AuthorizationId;

/** Withdraws an authorization while none of its units was first transferred. Government of the authorizing Party. */
public record RevokeAuthorization(AuthorizationId authorizationId, Optional<String> reason) implements ProposableAction {
    public RevokeAuthorization {
        Objects.requireNonNull(authorizationId, "authorizationId");
        reason = Texts.optionalText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRevokeAuthorization(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitRevokeAuthorization(this);
    }
}
