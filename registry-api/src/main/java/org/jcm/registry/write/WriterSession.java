package org.jcm.registry.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.jcm.ledger.state.LedgerState;
import org.jcm.registry.write.store.BatchRows;
import org.jcm.registry.write.store.ChangeRows;
import org.jcm.registry.write.store.EventIndex;
import org.jcm.registry.write.store.LoadedLedger;

/**
 * What the writer thread owns and nobody else touches: its connection (which holds the advisory
 * lock while {@code locked}), the live ledger state with its head hash, and the rows of the batch
 * being built. Replaced as a whole by {@link #loaded} at every (re)activation.
 */
final class WriterSession {

    private final Clock clock;
    private Instant lastAt = Instant.EPOCH;
    Connection connection;
    boolean locked;
    LedgerState state;
    byte[] head;
    ChangeRows changeRows;
    final BatchRows rows = new BatchRows();
    final EventIndex index = new EventIndex(rows);

    WriterSession(Clock clock) {
        this.clock = clock;
    }

    /** Takes over a freshly replayed ledger, with the undo journal on. */
    void loaded(LoadedLedger loaded) {
        state = loaded.state();
        state.setJournaling(true);
        head = loaded.headHash();
        changeRows = new ChangeRows(loaded.storedAccounts());
    }

    /** Event times never go backwards, even if the wall clock does. */
    Instant now() {
        Instant at = clock.instant();
        if (at.isBefore(lastAt)) {
            at = lastAt;
        }
        lastAt = at;
        return at;
    }

    /** Rolls the open transaction back; false if the connection is broken (activation then reconnects). */
    boolean rollback() {
        try {
            connection.rollback();
            return true;
        } catch (SQLException broken) {
            return false;
        }
    }

    /** Closes the connection, which releases the lock with the session. */
    void closeConnection() {
        locked = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection; the lock goes with the session.
            }
            connection = null;
        }
    }
}
