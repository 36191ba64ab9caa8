package org.jcm.ledger.state;

import java.util.Set;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/**
 * What changed between two {@link LedgerState#drainChanges()} calls, as keys: read the current value
 * with the state's accessors; a key whose value is absent was deleted (blocks are never deleted
 * today: splits only shorten a block and create new ones). {@code caMethodsChanged} says a Party's
 * CA method was fixed for a period. Events {@code fromSeq..toSeq} (inclusive; {@code toSeq < fromSeq}
 * when none) made these changes.
 */
public record LedgerChanges(long fromSeq, long toSeq, Set<BlockKey> blocks, Set<AccountId> accounts,
                            Set<OrganizationId> organizations, Set<ProjectId> projects,
                            Set<AuthorizationId> authorizations, Set<IssuanceId> issuances,
                            Set<IssuanceRequestId> issuanceRequests, Set<PartyCode> parties,
                            Set<RegistryId> registries, boolean caMethodsChanged) {

    public boolean isEmpty() {
        return toSeq < fromSeq;
    }
}
