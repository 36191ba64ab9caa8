package org.jcm.ledger.state;

import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;

/** The ledger's mutable form of a hosted registry: its terminal accounts and the next organization and account numbers. */
final class RegistryState {

    final RegistryId id;
    final PartyCode party;
    final String name;
    final AccountState cancellation;
    final AccountState retirement;
    long nextOrganization = 1;
    long nextAccount = 1;

    RegistryState(RegistryId id, PartyCode party, String name, AccountState cancellation, AccountState retirement) {
        this.id = id;
        this.party = party;
        this.name = name;
        this.cancellation = cancellation;
        this.retirement = retirement;
    }

    RegistryInfo snapshot() {
        return new RegistryInfo(id, party, name, cancellation.id, retirement.id, nextOrganization, nextAccount);
    }
}
