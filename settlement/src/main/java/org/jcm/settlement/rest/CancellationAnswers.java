package org.jcm.settlement.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.registration.CancellationOutcome;
import org.jcm.settlement.registration.CancellationOutcome.Answered;
import org.jcm.settlement.registration.CancellationOutcome.DeliveryHeld;
import org.jcm.settlement.registration.CancellationOutcome.KeyReused;
import org.jcm.settlement.registration.CancellationOutcome.LedgerBehind;
import org.jcm.settlement.registration.CancellationOutcome.NotCancellable;
import org.jcm.settlement.registration.CancellationOutcome.UnknownTrade;
import org.jcm.support.problem.ProblemException;

/**
 * The HTTP answer to each {@link CancellationOutcome} of
 * {@code POST /api/v1/trades/{venue}/{tradeId}/cancel}: the stored answer, or the problem that says
 * why nothing changed (docs/problems.md).
 */
final class CancellationAnswers {

    private CancellationAnswers() {
    }

    /** The response to {@code outcome}. */
    static Response response(CancellationOutcome outcome) {
        if (outcome instanceof Answered answered) {
            return Response.status(answered.status()).type(MediaType.APPLICATION_JSON).entity(answered.body()).build();
        }
        if (outcome instanceof LedgerBehind behind) {
            return new ProblemException(503, ProblemCodes.UNAVAILABLE, "Settlement is " + behind.consumer().state()
                    + " and has applied the ledger up to seq " + behind.consumer().lastAppliedSeq()
                    + ": a delivery of the trade may not have been read yet. Retry the same request with the same"
                    + " Idempotency-Key.")
                    .problem().responseBuilder().header("Retry-After", RegistrationAnswers.RETRY_AFTER_SECONDS).build();
        }
        throw refusal(outcome);
    }

    private static ProblemException refusal(CancellationOutcome outcome) {
        if (outcome instanceof KeyReused reused) {
            return new ProblemException(409, ProblemCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '"
                    + reused.idempotencyKey() + "' was used before with a different request.");
        }
        if (outcome instanceof UnknownTrade unknown) {
            return new ProblemException(404, ProblemCodes.UNKNOWN_TRADE, "No trade '" + unknown.key().tradeId()
                    + "' is registered for venue " + unknown.key().venue() + ".");
        }
        if (outcome instanceof NotCancellable not) {
            return new ProblemException(409, ProblemCodes.TRADE_NOT_CANCELLABLE, "Trade '" + not.key().tradeId()
                    + "' of venue " + not.key().venue() + " is " + not.status()
                    + ": only a trade pending delivery, before its deadline, can be cancelled.");
        }
        if (outcome instanceof DeliveryHeld held) {
            return new ProblemException(409, ProblemCodes.TRADE_DELIVERY_HELD, "The registry holds a transfer from"
                    + " the seller account naming trade '" + held.key().tradeId() + "' of venue " + held.key().venue()
                    + " (pending transfer " + String.join(", ", held.pendingTransferIds()) + "): its units are reserved"
                    + " for the buyer and may still move. The trade can be cancelled once that transfer is cancelled"
                    + " or has expired in the registry.");
        }
        throw new IllegalStateException("no answer for " + outcome);
    }
}
