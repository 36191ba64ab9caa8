package org.jcm.ledger.state;

import java.util.List;
import java.util.SortedMap;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.Party;

/**
 * An immutable, comparable picture of the whole state, everything sorted by key: two states are
 * the same ledger exactly when their snapshots are equal (used to check that replay equals the
 * live state and that a rejected command changed nothing).
 */
public record LedgerSnapshot(long nextSeq, long nextIssuanceRequestNumber, List<Party> parties,
                             List<RegistryInfo> registries, List<Organization> organizations, List<AccountInfo> accounts,
                             SortedMap<AccountId, List<Balance>> balances, List<Project> projects,
                             List<Issuance> issuances, List<IssuanceRequest> issuanceRequests,
                             List<Authorization> authorizations, List<FirstTransferRecorded> firstTransfers,
                             SortedMap<String, String> caMethods, SortedMap<String, Long> nextUnits,
                             List<CreditBlock> blocks, List<Reservation> reservations,
                             SortedMap<String, String> reservedBlocks, TransferControlsSnapshot transferControls,
                             List<Proposal> proposals, ProjectCycleSnapshot projectCycle) {
}
