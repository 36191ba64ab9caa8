package org.jcm.ledger.state;

import org.jcm.ledger.event.LedgerEvent;

/**
 * Rebuilds a state from the event log with the same fold the writer uses. Sequence numbers must
 * run gaplessly from 1, otherwise {@link InconsistentEventException} names the first bad event.
 */
public final class Replay {

    private Replay() {
    }

    /** Folds {@code events} (in sequence order, starting at 1) into a new state with the default configuration. */
    public static LedgerState fold(Iterable<? extends LedgerEvent> events) {
        return fold(events, LedgerConfig.DEFAULT);
    }

    /**
     * Folds {@code events} into a new state. Change tracking is off while folding and on (with
     * nothing pending) afterwards, so the writer can continue with the returned state.
     */
    public static LedgerState fold(Iterable<? extends LedgerEvent> events, LedgerConfig config) {
        LedgerState state = new LedgerState(config);
        state.setChangeTracking(false);
        for (LedgerEvent event : events) {
            state.apply(event);
        }
        state.setChangeTracking(true);
        return state;
    }
}
