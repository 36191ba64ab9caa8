package org.jcm.ledger.state;

import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;

/** An account as readers see it; terminal accounts belong to their registry, not to an organization. */
public record AccountInfo(AccountId id, RegistryId registryId, Optional<OrganizationId> organizationId, AccountType type,
                          String name, boolean frozen, boolean closed) {
}
