package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.MonitoringCycleId;

/**
 * The applicant requests issuance for a verified monitoring cycle: the request (an
 * {@code IssuanceRequestId}, as before the route) cites the cycle, its period and verified quantity.
 */
public record RequestCycleIssuance(MonitoringCycleId monitoringCycleId) implements Command {
    public RequestCycleIssuance {
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRequestCycleIssuance(this);
    }
}
