package org.jcm.settlement.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.registration.RegistrationOutcome;
import org.jcm.settlement.registration.RegistrationOutcome.AlreadyRegistered;
import org.jcm.settlement.registration.RegistrationOutcome.Answered;
import org.jcm.settlement.registration.RegistrationOutcome.ClosedAccounts;
import org.jcm.settlement.registration.RegistrationOutcome.DeadlineOutOfRange;
import org.jcm.settlement.registration.RegistrationOutcome.KeyReused;
import org.jcm.settlement.registration.RegistrationOutcome.NamedAccount;
import org.jcm.settlement.registration.RegistrationOutcome.UnknownAccounts;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/**
 * The HTTP answer to each {@link RegistrationOutcome} of {@code POST /api/v1/trades}: the stored
 * answer with its {@code Location}, or the problem that says why nothing was stored
 * (docs/problems.md). Refusals are thrown as {@link ProblemException}s, answered by the problem
 * mappers, except 503 {@code unavailable}, which also carries {@code Retry-After}.
 */
final class RegistrationAnswers {

    /** Seconds a client should wait before it retries a registration the consumer was not ready for. */
    static final int RETRY_AFTER_SECONDS = 1;

    private RegistrationAnswers() {
    }

    /** The response to {@code outcome} of registering trade {@code tradeId} of {@code venue}. */
    static Response response(RegistrationOutcome outcome, String venue, String tradeId) {
        if (outcome instanceof Answered answered) {
            return Response.status(answered.status())
                    .location(URI.create("/api/v1/trades/" + venue + "/" + tradeId))
                    .type(MediaType.APPLICATION_JSON).entity(answered.body()).build();
        }
        if (outcome instanceof UnknownAccounts unknown && unknown.ledgerBehind()) {
            return new ProblemException(503, ProblemCodes.UNAVAILABLE, "Settlement does not know account "
                    + ids(unknown.accounts()) + " yet: it is " + unknown.consumer().state()
                    + " and has applied the ledger up to seq " + unknown.consumer().lastAppliedSeq()
                    + ". Retry the same request with the same Idempotency-Key.",
                    errors(unknown.accounts(), "has not been opened in the ledger"))
                    .problem().responseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        throw refusal(outcome);
    }

    /** The problem for a registration refused for good (the same request will be refused again). */
    private static ProblemException refusal(RegistrationOutcome outcome) {
        if (outcome instanceof KeyReused reused) {
            return new ProblemException(409, ProblemCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '"
                    + reused.idempotencyKey() + "' was used before with a different request.");
        }
        if (outcome instanceof AlreadyRegistered already) {
            return new ProblemException(409, ProblemCodes.TRADE_ALREADY_REGISTERED, "Trade '"
                    + already.key().tradeId() + "' of venue " + already.key().venue() + " is already registered.");
        }
        if (outcome instanceof DeadlineOutOfRange range) {
            String reason = range.inThePast() ? "is in the past: the service's clock reads " + range.now()
                    : "is more than " + range.window() + " after the service's clock (" + range.now() + ")";
            String rule = "must lie between now and " + range.window() + " ahead";
            return new ProblemException(422, ProblemCodes.DELIVER_BY_OUT_OF_RANGE, "Field 'deliverBy' " + reason
                    + "; it " + rule + ".", List.of(new FieldError("deliverBy", rule)));
        }
        if (outcome instanceof UnknownAccounts unknown) {
            return new ProblemException(422, ProblemCodes.UNKNOWN_ACCOUNT, "The ledger has no account "
                    + ids(unknown.accounts()) + " (settlement has applied it up to seq "
                    + unknown.consumer().lastAppliedSeq() + ", the end of the ledger topic). An account opened in"
                    + " the registry moments ago may not have reached settlement yet: retry the same request with"
                    + " the same Idempotency-Key.", errors(unknown.accounts(), "has not been opened in the ledger"));
        }
        if (outcome instanceof ClosedAccounts closed) {
            return new ProblemException(422, ProblemCodes.ACCOUNT_CLOSED, "The ledger has closed account "
                    + ids(closed.accounts()) + ": it can no longer deliver or receive units.",
                    errors(closed.accounts(), "is closed"));
        }
        throw new IllegalStateException("no answer for " + outcome);
    }

    private static String ids(List<NamedAccount> accounts) {
        return String.join(" and ", accounts.stream().map(NamedAccount::accountId).toList());
    }

    private static List<FieldError> errors(List<NamedAccount> accounts, String what) {
        return accounts.stream().map(a -> new FieldError(a.field(), a.accountId() + " " + what)).toList();
    }
}
