package org.jcm.registry.write;

import java.util.List;
import java.util.Objects;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.ledger.event.LedgerEvent;

/** What became of one submitted command, as the writer answers it after its batch committed (or failed). */
public sealed interface CommandResult {

    /** Accepted and committed: the events, in sequence order. */
    record Accepted(List<LedgerEvent> events) implements CommandResult {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** Refused by the state machine (and the refusal committed as the key's outcome). */
    record Rejected(String code, int status, String detail) implements CommandResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The key was already used for the same request, which was committed earlier with this outcome. */
    record Replayed(StoredOutcome outcome) implements CommandResult {
        public Replayed {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The key was already used for another request: nothing was done. */
    record KeyReused() implements CommandResult {
    }

    /** Not applied, retryable: the writer is overloaded, not active here, or its batch failed to commit. */
    record Unavailable(String code, String detail) implements CommandResult {
        public Unavailable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The state machine failed unexpectedly on this command (a defect); nothing was applied. */
    record Failed(String detail) implements CommandResult {
    }

    /**
     * Not applied, and retrying will not help: the ledger cannot encode or store this command
     * (422 {@code unprocessable_command}), or the key's earlier outcome belongs to another actor
     * (403 {@code forbidden}). Nothing is recorded for the key.
     */
    record Refused(int status, String code, String detail) implements CommandResult {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
