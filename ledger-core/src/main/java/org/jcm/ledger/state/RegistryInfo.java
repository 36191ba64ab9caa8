package org.jcm.ledger.state;

import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;

/** A hosted registry: Party, name, terminal accounts and the next organization and holding-account numbers. */
public record RegistryInfo(RegistryId id, PartyCode party, String name, AccountId cancellationAccountId,
                           AccountId retirementAccountId, long nextOrganizationNumber, long nextAccountNumber) {
}
