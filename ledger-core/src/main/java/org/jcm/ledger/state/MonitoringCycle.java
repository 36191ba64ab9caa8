package org.jcm.ledger.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * One monitoring period of a registered project: the period (first and last day included), the
 * claimed quantity and report documents as last submitted, the verified quantity and verifier once
 * verified, and the clock of every verification review. Immutable; the fold replaces it.
 */
public record MonitoringCycle(MonitoringCycleId id, ProjectId projectId, ApplicationId applicationId, MonitoringCycleState state,
                              LocalDate periodStart, LocalDate periodEnd, long claimedQuantity, List<DocumentRef> report,
                              Optional<Long> verifiedQuantity, Optional<ThirdPartyEntityId> verifier, List<ReviewClock> reviews) {

    public MonitoringCycle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        report = List.copyOf(report);
        Objects.requireNonNull(verifiedQuantity, "verifiedQuantity");
        Objects.requireNonNull(verifier, "verifier");
        reviews = List.copyOf(reviews);
    }

    /** The review step's name in {@link ReviewClock}. */
    static final String VERIFICATION = "VERIFICATION";

    /** Whose move it is. */
    public ApplicationState.Holder holder() {
        return state.holder();
    }

    /** Whether the period shares a day with {@code [start, end]}. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return !periodStart.isAfter(end) && !start.isAfter(periodEnd);
    }

    /** The report (re)submitted: waiting for verification on a new review clock. */
    MonitoringCycle submitted(LocalDate start, LocalDate end, long claimed, List<DocumentRef> documents, Instant at) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        list.add(ReviewClock.open(VERIFICATION, at));
        return new MonitoringCycle(id, projectId, applicationId, MonitoringCycleState.REPORT_SUBMITTED, start, end, claimed, documents,
                Optional.empty(), Optional.empty(), list);
    }

    MonitoringCycle reviewed(MonitoringCycleState next, Instant at, ReviewVerdict verdict, Actor by, Optional<Long> verified,
                             Optional<ThirdPartyEntityId> verifiedBy) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        int last = list.size() - 1;
        list.set(last, list.get(last).decided(at, verdict, by));
        return new MonitoringCycle(id, projectId, applicationId, next, periodStart, periodEnd, claimedQuantity, report, verified,
                verifiedBy, list);
    }
}
