package org.jcm.settlement.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jcm.settlement.messaging.ConsumerState;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.trade.TradeKey;

/**
 * What became of a trade registration ({@link TradeRegistrations#register}): the answer stored
 * under its Idempotency-Key, or why nothing was stored. The REST layer turns each into its
 * response or problem; this type says nothing about HTTP beyond the stored answer it replays.
 */
public sealed interface RegistrationOutcome {

    /**
     * The answer remembered for the key: just made for a new registration, or stored by an earlier
     * request with the same key and body (a retry gets what the first request got).
     *
     * @param status the status stored with the answer
     * @param body the JSON of the trade's status as it was registered
     */
    record Answered(int status, String body) implements RegistrationOutcome {
    }

    /** The key was used before with a different request. */
    record KeyReused(String idempotencyKey) implements RegistrationOutcome {
    }

    /** The venue registered a trade with this id before. */
    record AlreadyRegistered(TradeKey key) implements RegistrationOutcome {
    }

    /**
     * The deadline is before the service's clock, or further ahead than the window allows.
     *
     * @param deliverBy the deadline asked for
     * @param now the service's clock
     * @param window {@code settlement.trades.max-delivery-window}
     */
    record DeadlineOutOfRange(Instant deliverBy, Instant now, Duration window) implements RegistrationOutcome {

        /** Whether the deadline is in the past (else it is too far ahead). */
        public boolean inThePast() {
            return deliverBy.isBefore(now);
        }
    }

    /**
     * Settlement knows no account of these fields. While its consumer runs at the end of the ledger
     * topic the ledger has no such account; otherwise the account may not be read yet
     * ({@link #ledgerBehind}) and the same request may succeed later.
     *
     * @param accounts the fields naming an unknown account
     * @param consumer where the ledger consumer stands
     */
    record UnknownAccounts(List<NamedAccount> accounts, ConsumerStatus consumer) implements RegistrationOutcome {

        /** Whether the consumer has not caught up with the ledger, so the accounts may exist. */
        public boolean ledgerBehind() {
            return consumer.state() != ConsumerState.RUNNING;
        }
    }

    /** The ledger closed the accounts of these fields; they can no longer deliver or receive units. */
    record ClosedAccounts(List<NamedAccount> accounts) implements RegistrationOutcome {
    }

    /** A field of the registration and the account id it names. */
    record NamedAccount(String field, String accountId) {
    }
}
