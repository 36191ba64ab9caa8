package org.jcm.settlement.trade;

import java.util.List;
import org.jcm.support.problem.FieldError;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * 503 {@code unavailable} with {@code Retry-After}: a registration names an account settlement does
 * not know while its consumer has not caught up with the ledger, so the account may well exist.
 * Nothing was stored; the same request with the same Idempotency-Key may be sent again.
 */
public class LedgerBehindException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** Seconds a client should wait before it retries. */
    public static final int RETRY_AFTER_SECONDS = 1;

    /** The problem naming the accounts not known yet. */
    public LedgerBehindException(String detail, List<FieldError> errors) {
        super(503, ProblemCodes.UNAVAILABLE, detail, errors);
    }
}
