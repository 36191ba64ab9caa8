package org.jcm.registry.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jcm.registry.write.store.DatabaseRecovery;

/**
 * Reports the ledger stream at {@code /q/health/well} (and in {@code /q/health}): down while the
 * publisher fails to reach the broker or its database is in recovery (a hot standby, where it
 * publishes nothing: {@code DATABASE_IN_RECOVERY}), with the lag in events and milliseconds either way.
 *
 * <p>It is a wellness check, not a readiness check, on purpose: PostgreSQL is the source of truth,
 * and a Kafka outage must not take the registry out of service; it only delays the stream.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    /** How long a batch may wait for the broker's acknowledgement before the stream counts as down. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    private final OutboxService outbox;

    OutboxHealthCheck(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Ledger stream (Kafka outbox)")
                .withData("topic", outbox.topic());
        Optional<OutboxPublisher.Status> status = outbox.status();
        if (status.isEmpty()) {
            return response.up().withData("state", "DISABLED").build();
        }
        OutboxPublisher.Status s = status.get();
        OutboxService.Lag lag = outbox.lag();
        response.withData("state", s.state().name())
                .withData("headSeq", lag.headSeq())
                .withData("publishedSeq", lag.publishedSeq())
                .withData("lagEvents", lag.lagEvents())
                .withData("lagMillis", lag.lagMillis());
        if (s.lastError() != null) {
            response.withData("lastError", s.lastError()).withData("lastErrorAt", s.lastErrorAt().toString());
        }
        if (s.state() == OutboxPublisher.State.DATABASE_IN_RECOVERY) {
            response.withData("detail", DatabaseRecovery.detail("the outbox publisher"));
        }
        boolean stalled = s.waitingSince() != null && s.waitingSince().plus(STALLED_AFTER).isBefore(Instant.now());
        boolean down = s.state() == OutboxPublisher.State.FAILING || s.state() == OutboxPublisher.State.STOPPED
                || s.state() == OutboxPublisher.State.DATABASE_IN_RECOVERY || stalled;
        return response.status(!down).build();
    }
}
