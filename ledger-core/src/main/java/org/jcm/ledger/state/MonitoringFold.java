package org.jcm.ledger.state;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * The fold of monitoring cycles. Each event is checked against the cycle's state (a replayed log
 * may be damaged) and the immutable {@link MonitoringCycle} replaced through
 * {@link JournaledWrites}, so a rollback restores it.
 */
final class MonitoringFold {

    private final LedgerData data;
    private final JournaledWrites writes;

    MonitoringFold(LedgerData data, JournaledWrites writes) {
        this.data = data;
        this.writes = writes;
    }

    void submitted(MonitoringReportSubmitted e) {
        MonitoringCycle c = data.monitoringCycles.get(e.monitoringCycleId());
        if (c == null) {
            ApplicationId application = data.projectApplications.get(e.projectId());
            if (e.monitoringCycleId().number() != data.monitoringCycles.size() + 1L || application == null) {
                throw new InconsistentEventException(e.seq(), "cycle " + e.monitoringCycleId() + " is not the next number, or project "
                        + e.projectId() + " has no application");
            }
            c = new MonitoringCycle(e.monitoringCycleId(), e.projectId(), application, MonitoringCycleState.REPORT_RETURNED,
                    e.periodStart(), e.periodEnd(), e.claimedQuantity(), List.of(), Optional.empty(), Optional.empty(), List.of());
        } else if (c.state() != MonitoringCycleState.REPORT_RETURNED || !c.projectId().equals(e.projectId())) {
            throw new InconsistentEventException(e.seq(), "cycle " + c.id() + " is " + c.state() + " of " + c.projectId());
        }
        writes.put(data.monitoringCycles, c.id(), c.submitted(e.periodStart(), e.periodEnd(), e.claimedQuantity(), e.documents(),
                e.at()));
    }

    void reviewed(MonitoringReportReviewed e) {
        MonitoringCycle c = data.monitoringCycles.get(e.monitoringCycleId());
        if (c == null || c.state() != MonitoringCycleState.REPORT_SUBMITTED
                || e.verifiedQuantity().isPresent() != (e.verdict() == ReviewVerdict.ACCEPT)) {
            throw new InconsistentEventException(e.seq(), "cycle " + e.monitoringCycleId() + " is not waiting for this verification");
        }
        MonitoringCycle next;
        if (e.verdict() == ReviewVerdict.ACCEPT) {
            next = c.reviewed(MonitoringCycleState.VERIFIED, e.at(), e.verdict(), e.actor(), e.verifiedQuantity(),
                    Optional.of(ThirdPartyEntityId.parse(e.actor().scope())));
        } else {
            MonitoringCycleState to = e.verdict() == ReviewVerdict.RETURN ? MonitoringCycleState.REPORT_RETURNED : MonitoringCycleState.REJECTED;
            next = c.reviewed(to, e.at(), e.verdict(), e.actor(), Optional.empty(), Optional.empty());
        }
        writes.put(data.monitoringCycles, c.id(), next);
    }
}
