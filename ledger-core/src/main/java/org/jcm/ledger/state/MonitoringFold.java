package org.jcm.ledger.state;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.IssuanceDecided;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.MonitoringCycleId;
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
                    e.periodStart(), e.periodEnd(), e.claimedQuantity(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(), java.util.Set.of(), List.of());
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

    /** An issuance request citing a cycle: the verified cycle now waits for the Joint Committee's decision. */
    void requested(IssuanceRequested e) {
        if (e.monitoringCycleId().isEmpty()) {
            return;
        }
        MonitoringCycle c = data.monitoringCycles.get(e.monitoringCycleId().get());
        if (c == null || c.state() != MonitoringCycleState.VERIFIED || !c.projectId().equals(e.projectId())) {
            throw new InconsistentEventException(e.seq(), "cycle " + e.monitoringCycleId().get() + " is not a verified cycle of "
                    + e.projectId());
        }
        writes.put(data.monitoringCycles, c.id(), c.requested(e.issuanceRequestId(), e.at()));
        writes.put(data.requestCycles, e.issuanceRequestId(), c.id());
    }

    void decided(IssuanceDecided e) {
        MonitoringCycle c = data.monitoringCycles.get(e.monitoringCycleId());
        if (c == null || c.state() != MonitoringCycleState.ISSUANCE_REQUESTED
                || e.shares().isEmpty() == (e.verdict() == ReviewVerdict.ACCEPT)) {
            throw new InconsistentEventException(e.seq(), "cycle " + e.monitoringCycleId() + " is not waiting for this decision");
        }
        MonitoringCycleState next = e.verdict() == ReviewVerdict.ACCEPT ? MonitoringCycleState.ISSUANCE_DECIDED
                : e.verdict() == ReviewVerdict.RETURN ? MonitoringCycleState.VERIFIED : MonitoringCycleState.REJECTED;
        writes.put(data.monitoringCycles, c.id(), c.decided(next, e.shares(), e.at(), e.verdict(), e.actor()));
    }

    /** An issuance on a cycle's request: its share (the issuing registry and vintage) is issued. */
    void issued(CreditsIssued e) {
        MonitoringCycleId id = e.issuanceRequestId().map(data.requestCycles::get).orElse(null);
        if (id == null) {
            return;
        }
        MonitoringCycle c = data.monitoringCycles.get(id);
        String key = MonitoringCycle.shareKey(e.allocations().get(0).issuingRegistryId(), e.vintage());
        if (c.state() != MonitoringCycleState.ISSUANCE_DECIDED || c.issuedShares().contains(key)) {
            throw new InconsistentEventException(e.seq(), "cycle " + id + " has no share " + key + " left to issue");
        }
        writes.put(data.monitoringCycles, id, c.issued(key));
    }
}
