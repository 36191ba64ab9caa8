package org.jcm.registry.write;

import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;

/**
 * How the writer decides a command and folds an event: ledger-core's {@link StateMachine#decide}
 * and {@link LedgerState#apply}. Tests put a wrapper here that throws, to show that a defect of
 * ledger-core on one command fails that command alone.
 */
interface LedgerCore {

    /** Ledger-core itself. */
    LedgerCore STATE_MACHINE = new LedgerCore() {
        @Override
        public Outcome decide(LedgerState state, Command command, CommandContext context) {
            return StateMachine.decide(state, command, context);
        }

        @Override
        public void fold(LedgerState state, LedgerEvent event) {
            state.apply(event);
        }
    };

    Outcome decide(LedgerState state, Command command, CommandContext context);

    void fold(LedgerState state, LedgerEvent event);
}
