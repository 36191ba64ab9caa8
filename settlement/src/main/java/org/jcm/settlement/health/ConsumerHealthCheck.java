package org.jcm.settlement.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jcm.settlement.messaging.ConsumerState;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.messaging.LedgerConsumer;

/**
 * Readiness of the ledger consumer: down when it has failed on an entry, is retrying after a
 * failure, or is not running; up while it starts, catches up, rebuilds, runs, or waits for a gap.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final LedgerConsumer consumer;

    ConsumerHealthCheck(LedgerConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerStatus s = consumer.status();
        boolean up = s.state() != ConsumerState.FAILED && s.state() != ConsumerState.RETRYING
                && s.state() != ConsumerState.STOPPED;
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Ledger consumer").status(up)
                .withData("state", s.state().name())
                .withData("lastAppliedSeq", s.lastAppliedSeq())
                .withData("lagRecords", s.lagRecords());
        if (s.problem() != null) {
            builder.withData("problem", s.problem());
        }
        return builder.build();
    }
}
