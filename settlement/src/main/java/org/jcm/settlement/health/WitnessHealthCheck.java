package org.jcm.settlement.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jcm.settlement.witness.Alarm;
import org.jcm.settlement.witness.WitnessStatus;
import org.jcm.settlement.witness.Witness;

/**
 * The witness's alarm as a wellness check: DOWN while an alarm is open, at {@code /q/health/well} and
 * {@code /q/health}. Deliberately neither liveness nor readiness: a witness that refused a checkpoint
 * keeps serving trades and feeds, so no probe may restart it or take it out of the service.
 */
@Wellness
@ApplicationScoped
public class WitnessHealthCheck implements HealthCheck {

    private final Witness witness;

    WitnessHealthCheck(Witness witness) {
        this.witness = witness;
    }

    @Override
    public HealthCheckResponse call() {
        WitnessStatus s = witness.status();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Witness").status(!s.alarmed())
                .withData("status", s.status())
                .withData("cosignedSize", s.cosignedSize());
        Alarm alarm = s.alarm();
        if (alarm != null) {
            builder.withData("reason", alarm.reason()).withData("detail", alarm.detail())
                    .withData("raisedAt", alarm.raisedAt().toString());
            if (alarm.treeSize() != null) {
                builder.withData("treeSize", alarm.treeSize());
            }
        }
        if (s.waitingForTreeSize() != null) {
            builder.withData("waitingForTreeSize", s.waitingForTreeSize());
        }
        return builder.build();
    }
}
