package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.serial.Quantity;

/**
 * A third-party entity files its verification of a monitoring report: verified (with the verified
 * quantity, which a positive verification must give and no other may, and its verification
 * report), returned for revision, or rejected. An accredited, active entity other than the one that
 * validated the project, unless the methodology allows the same one.
 */
public record VerifyMonitoringReport(MonitoringCycleId monitoringCycleId, ReviewVerdict verdict, Optional<Quantity> verifiedQuantity,
                                     List<String> reasons, List<DocumentRef> documents) implements Command {
    public VerifyMonitoringReport {
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verifiedQuantity, "verifiedQuantity");
        if (verifiedQuantity.isPresent() != (verdict == ReviewVerdict.ACCEPT)) {
            throw new InvalidValueException("verifiedQuantity", verifiedQuantity.map(Quantity::toString).orElse("none"),
                    "a positive verification gives the verified quantity; a return or rejection gives none");
        }
        reasons = Texts.reasons(reasons);
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitVerifyMonitoringReport(this);
    }
}
