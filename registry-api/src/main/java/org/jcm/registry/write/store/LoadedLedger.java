package org.jcm.registry.write.store;

import java.util.Map;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.LedgerState;

/**
 * The ledger as replayed from {@code ledger_event}: the live state (change tracking on, nothing
 * pending), the head hash, the account rows as stored (the writer writes an account row only
 * when its information differs from these), and the transparency log's tree over the entries.
 */
public record LoadedLedger(LedgerState state, byte[] headHash, Map<AccountId, AccountInfo> storedAccounts,
                           long replayMillis, LoadedTree tree) {
}
