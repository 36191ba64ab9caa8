package org.jcm.registry.write;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of the ledger writer: live while its thread runs; ready while it is active or a standby. */
public final class WriterHealth {

    private WriterHealth() {
    }

    /** Liveness: the writer thread is alive (a dead writer needs a restart). */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final Ledger ledger;

        Live(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public HealthCheckResponse call() {
            LedgerWriter writer = ledger.writer();
            boolean alive = writer != null && writer.threadAlive();
            return HealthCheckResponse.named("Ledger writer thread").status(alive)
                    .withData("status", writer == null ? "none" : writer.status().name()).build();
        }
    }

    /**
     * Readiness: the writer is active (or this instance is a standby, or its database is in
     * recovery: it serves reads and answers writes 503 {@code not_the_writer}); not while it
     * replays or after it failed.
     */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final Ledger ledger;

        Ready(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        public HealthCheckResponse call() {
            LedgerWriter writer = ledger.writer();
            WriterStatus status = writer == null ? WriterStatus.STARTING : writer.status();
            boolean ready = status == WriterStatus.ACTIVE || status == WriterStatus.STANDBY
                    || status == WriterStatus.DATABASE_IN_RECOVERY;
            return HealthCheckResponse.named("Ledger writer").status(ready)
                    .withData("status", status.name())
                    .withData("detail", writer == null ? "starting" : writer.statusDetail())
                    .withData("committedSeq", writer == null ? 0 : writer.committedSeq())
                    .withData("queueDepth", writer == null ? 0 : writer.queueDepth())
                    .build();
        }
    }
}
