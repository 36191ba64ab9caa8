package org.jcm.ledger.rule;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.event.LedgerEvent;

/** What applying a command gave: the accepted events (already folded into the state) or one rejection. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    /**
     * The command was accepted; {@code events} are in sequence order, gapless, and already applied.
     * Only a system command with nothing due (e.g. {@code ProcessDueTransfers}, {@code ExpireProposals})
     * is accepted with no event; every other accepted command emits at least one.
     */
    record Accepted(List<LedgerEvent> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command was refused; the state is unchanged. {@code detail} is one human-readable sentence. */
    record Rejected(Rejection rejection, String detail) implements Outcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(detail, "detail");
        }
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
