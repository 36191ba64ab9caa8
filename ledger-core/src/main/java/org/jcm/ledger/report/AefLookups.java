package org.jcm.ledger.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.LedgerState;

/**
 * What the AEF rows read from the ledger state as it was before the event being reported (the
 * derivation reads rows first and folds the event after), and the small conversions the rows share.
 */
final class AefLookups {

    private final LedgerState state;

    AefLookups(LedgerState state) {
        this.state = state;
    }

    /** The authorization of the live block holding {@code r}, if the units are authorized. */
    Optional<Authorization> authorizationOf(BlockRange r) {
        CreditBlock b = state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow();
        return b.authorizationId().flatMap(state::authorization);
    }

    RegistryId holderRegistry(BlockRange r) {
        return registryOf(state.blockContaining(r.hostParty(), r.vintage(), r.first()).orElseThrow().holderAccountId());
    }

    RegistryId registryOf(AccountId account) {
        return state.account(account).orElseThrow().registryId();
    }

    PartyCode partyOf(RegistryId registry) {
        return state.registry(registry).orElseThrow().party();
    }

    Authorization authorization(AuthorizationId id, LedgerEvent e) {
        return state.authorization(id).orElseThrow(
                () -> new IllegalStateException("event " + e.seq() + " names unknown authorization " + id));
    }

    static ItmoId itmo(Authorization a, BlockRange r, long unit) {
        return new ItmoId(a.cooperativeApproachId(), r.issuingRegistryId(), r.hostParty(), unit, r.vintage());
    }

    static long total(List<BlockRange> ranges) {
        long sum = 0;
        for (BlockRange r : ranges) {
            sum += r.size();
        }
        return sum;
    }

    static LocalDate date(LedgerEvent e) {
        return LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
    }
}
