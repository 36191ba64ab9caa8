package org.jcm.registry.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jcm.support.problem.EdgeProblemMappers;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemPolicy;
import org.jcm.support.security.TokenRefusedException;

/**
 * The registry's part of turning exceptions into problems: the {@link ProblemPolicy} that the
 * shared {@link EdgeProblemMappers} use (realm {@code jcm-registry}, the shared codes for bare
 * statuses, its token refusals, a body that grew past the limit while streamed, an unavailable
 * database), and the mappers only the registry has. These stay here because they answer in the
 * registry's words or about exceptions only the registry raises.
 */
@ApplicationScoped
public class ProblemMappers implements ProblemPolicy {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public String realm() {
        return "jcm-registry";
    }

    @Override
    public Class<? extends Exception> tokenRefusal() {
        return TokenRefusedException.class;
    }

    /** A body sent without Content-Length that grew past the limit while it was read. */
    @Override
    public Response answerForCause(Throwable cause) {
        return cause instanceof BodyTooLargeException tooLarge ? bodyTooLargeResponse(tooLarge) : null;
    }

    /** PostgreSQL unreachable, shutting down or recovering; or a write that reached a hot standby. */
    @Override
    public Response answerForUnexpected(Throwable failure) {
        if (DatabaseUnavailable.readOnly(failure)) {
            return readOnlyDatabase();
        }
        Optional<String> unavailable = DatabaseUnavailable.find(failure);
        return unavailable.isPresent() ? databaseUnavailable(unavailable.get()) : null;
    }

    /**
     * A value that a ledger-core type refused (an id, a quantity, a text), when no more specific
     * field error was raised: 400 {@code invalid_field} naming the type and the reason.
     */
    @ServerExceptionMapper
    public Response invalidValue(org.jcm.ledger.id.InvalidValueException e) {
        return Problem.of(400, ProblemCodes.INVALID_FIELD, "A value is not valid: " + e.getMessage(),
                List.of(new FieldError(e.type(), e.reason()))).toResponse();
    }

    /** A body sent without Content-Length that grew past the limit while it was read. */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e) {
        return bodyTooLargeResponse(e);
    }

    /**
     * PostgreSQL unreachable, shutting down or recovering: not a defect, and the request had no
     * effect it could not repeat (a mutation's retry with the same key finds out), so 503
     * {@code ledger_unavailable} with Retry-After, logged without a stack trace.
     */
    static Response databaseUnavailable(String why) {
        LOG.warnf("Answering 503: the database is unavailable (%s)", why);
        return Problem.of(503, org.jcm.registry.write.LedgerWriter.LEDGER_UNAVAILABLE,
                "The ledger database is unavailable for the moment; retry (with the same Idempotency-Key for a mutation).")
                .responseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /**
     * A write refused by a database in recovery (SQLSTATE 25006): this instance reaches a hot
     * standby (a read replica, or a writer pointed at one by mistake), so 503 {@code not_the_writer}
     * with Retry-After, as the ledger writer answers there; the request had no effect.
     */
    static Response readOnlyDatabase() {
        LOG.warnf("Answering 503 not_the_writer: a write reached a database in recovery (%s)", "SQLSTATE 25006");
        return Problem.of(503, org.jcm.registry.write.LedgerWriter.NOT_THE_WRITER,
                "This instance serves reads from a standby database and does not write; send the request to the writer.")
                .responseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response bodyTooLargeResponse(BodyTooLargeException e) {
        // The rest of the body is never read, so the connection cannot carry another request.
        return Problem.of(413, ProblemCodes.BODY_TOO_LARGE, "The request body is larger than the limit of "
                + e.limitBytes() + " bytes.").responseBuilder().header("Connection", "close").build();
    }
}
