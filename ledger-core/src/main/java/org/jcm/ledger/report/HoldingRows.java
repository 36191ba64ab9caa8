package org.jcm.ledger.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.LedgerState;

/** AEF table 4 of one Party: the active authorized blocks held in its registries, read from the state after the last event of the year. */
final class HoldingRows {

    private HoldingRows() {
    }

    static List<HoldingRow> of(LedgerState state, AefLookups lookups, PartyCode party) {
        List<HoldingRow> rows = new ArrayList<>();
        for (CreditBlock b : state.blocks(Optional.empty(), Optional.empty(), Optional.of(BlockStatus.ACTIVE), Optional.empty())) {
            if (b.authorizationId().isEmpty()) {
                continue;
            }
            RegistryId registry = lookups.registryOf(b.holderAccountId());
            if (!lookups.partyOf(registry).equals(party)) {
                continue;
            }
            Authorization a = state.authorization(b.authorizationId().get()).orElseThrow();
            rows.add(new HoldingRow(registry, b.holderAccountId(), a.cooperativeApproachId(), a.id(), b.hostParty(),
                    b.firstItmoId(a.cooperativeApproachId()), b.lastItmoId(a.cooperativeApproachId()), b.quantity(),
                    b.vintage(), a.purpose(), b.caState(), b.firstTransferred(),
                    lookups.sectorActivityOfProjects(List.of(b.projectId()))));
        }
        rows.sort(Comparator.comparing((HoldingRow h) -> h.registryId().value())
                .thenComparing(h -> h.accountId().value())
                .thenComparing(HoldingRow::firstTransferringParty)
                .thenComparing(HoldingRow::vintage)
                .thenComparingLong(h -> h.firstId().unit()));
        return rows;
    }
}
