package org.jcm.ledger.state;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * The transfer controls in a {@link LedgerSnapshot}: the next pending transfer number, the
 * policies set (by organization id), the trusted-account lists (key {@code ORGANIZATION/ACCOUNT},
 * value the instant it is trusted from) and every pending transfer, ended ones included, by id.
 */
public record TransferControlsSnapshot(long nextPendingTransferNumber, SortedMap<String, TransferPolicy> policies,
                                       SortedMap<String, Instant> trustedAccounts, List<PendingTransfer> pendingTransfers) {
}
