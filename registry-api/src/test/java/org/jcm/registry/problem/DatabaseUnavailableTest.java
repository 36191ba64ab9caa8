package org.jcm.registry.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.jcm.support.problem.EdgeProblemMappers;
import org.jcm.support.problem.Problem;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the fault harness (deploy/faults, postgres-immediate): while PostgreSQL restarted after
 * an immediate shutdown, reads and idempotency lookups on the reactive pool failed with
 * "the database system is starting up (57P03)" or "Connection refused", and were answered 500
 * internal_error, telling clients the service was broken instead of asking them to retry.
 */
class DatabaseUnavailableTest {

    @Test
    void a_server_starting_up_or_shutting_down_is_unavailable() {
        assertThat(DatabaseUnavailable.find(new CompletionException(
                new PgException("the database system is starting up", "FATAL", "57P03", null))))
                .hasValueSatisfying(why -> assertThat(why).contains("57P03"));
        assertThat(DatabaseUnavailable.find(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null))).isPresent();
        assertThat(DatabaseUnavailable.find(new PgException("terminating connection because of crash of another server process",
                "FATAL", "57P02", null))).isPresent();
        assertThat(DatabaseUnavailable.find(new SQLException("An I/O error occurred while sending to the backend.", "08006")))
                .isPresent();
    }

    @Test
    void a_refused_or_dropped_connection_is_unavailable() {
        assertThat(DatabaseUnavailable.find(new RuntimeException(new ConnectException("Connection refused: localhost/127.0.0.1:5432"))))
                .isPresent();
        assertThat(DatabaseUnavailable.find(ClosedConnectionException.INSTANCE)).isPresent();
        assertThat(DatabaseUnavailable.find(new IllegalStateException("Connection is not active now, current status: CLOSED")))
                .isPresent();
    }

    @Test
    void defects_and_data_errors_are_not_unavailability() {
        assertThat(DatabaseUnavailable.find(new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null)))
                .isEmpty();
        assertThat(DatabaseUnavailable.find(new PgException("syntax error", "ERROR", "42601", null))).isEmpty();
        assertThat(DatabaseUnavailable.find(new NullPointerException())).isEmpty();
        assertThat(DatabaseUnavailable.isUnavailableState(null)).isFalse();
        assertThat(DatabaseUnavailable.isUnavailableState("57014")).isFalse();
    }

    @Test
    void the_mapper_answers_503_ledger_unavailable_with_retry_after() {
        Response response = new EdgeProblemMappers(new ProblemMappers()).unexpected(new CompletionException(
                new PgException("the database system is not yet accepting connections", "FATAL", "57P03", null)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("ledger_unavailable");
    }

    /**
     * A read replica (or a writer pointed at a hot standby by mistake) whose write reaches the
     * standby gets "cannot execute INSERT in a read-only transaction" (25006): that instance is
     * not the writer's, which is 503 not_the_writer with Retry-After, not 500.
     */
    @Test
    void a_write_refused_by_a_standby_answers_503_not_the_writer_with_retry_after() {
        Response response = new EdgeProblemMappers(new ProblemMappers()).unexpected(new CompletionException(
                new PgException("cannot execute INSERT in a read-only transaction", "ERROR", "25006", null)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("not_the_writer");
        assertThat(DatabaseUnavailable.readOnly(new RuntimeException(new SQLException("read-only", "25006")))).isTrue();
        assertThat(DatabaseUnavailable.readOnly(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void the_mapper_still_answers_500_for_a_defect() {
        Response response = new EdgeProblemMappers(new ProblemMappers()).unexpected(new IllegalStateException("a bug"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).code()).isEqualTo("internal_error");
    }
}
