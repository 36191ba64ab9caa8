package org.jcm.settlement.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jcm.support.problem.EdgeProblemMappers;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemPolicy;
import org.jcm.support.security.TokenRefusedException;

/**
 * Settlement's part of turning exceptions into problems: the {@link ProblemPolicy} that the shared
 * {@link EdgeProblemMappers} use (realm {@code jcm-settlement}, settlement's codes for bare
 * statuses, 503 {@code unavailable} among them, and its token refusals), and the one mapper whose
 * words are settlement's own (a refused ledger-core value names its field).
 */
@ApplicationScoped
public class ProblemMappers implements ProblemPolicy {

    @Override
    public String realm() {
        return "jcm-settlement";
    }

    /** Settlement's codes for bare statuses: 503 is {@code unavailable}. */
    @Override
    public Problem forStatus(int status) {
        return Problem.of(status, ProblemCodes.forStatus(status), ProblemCodes.detailForStatus(status));
    }

    @Override
    public Class<? extends Exception> tokenRefusal() {
        return TokenRefusedException.class;
    }

    /** A value that ledger-core's types refuse (an account id, a venue, a price): the field is named. */
    @ServerExceptionMapper
    public Response invalidValue(org.jcm.ledger.id.InvalidValueException e) {
        return Problem.of(400, ProblemCodes.INVALID_FIELD, "Field '" + e.type() + "' is not valid: " + e.reason() + ".",
                List.of(new FieldError(e.type(), e.reason()))).toResponse();
    }
}
