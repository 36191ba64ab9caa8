package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;

/**
 * Adds a holding account to the organization's trusted-account list; it becomes trusted only
 * after the ledger's trusted-account delay ({@code LedgerConfig.trustedAccountDelay}). Account
 * holder of the organization.
 */
public record AddTrustedAccount(OrganizationId organizationId, AccountId accountId) implements Command {
    public AddTrustedAccount {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitAddTrustedAccount(this);
    }
}
