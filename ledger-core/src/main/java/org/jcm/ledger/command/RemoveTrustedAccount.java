package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;

/** Removes an account from the organization's trusted-account list, at once. Account holder of the organization. */
public record RemoveTrustedAccount(OrganizationId organizationId, AccountId accountId) implements Command {
    public RemoveTrustedAccount {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRemoveTrustedAccount(this);
    }
}
