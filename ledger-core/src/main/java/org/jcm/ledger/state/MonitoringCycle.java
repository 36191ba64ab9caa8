package org.jcm.ledger.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.id.Vintage;

/**
 * One monitoring period of a registered project: the period (first and last day included), the
 * claimed quantity and report documents as last submitted, the verified quantity and verifier once
 * verified, the issuance request, the Joint Committee's decided shares and which of them were
 * issued (keys {@code registry/vintage}), and the clock of every review (verification, issuance
 * decision). Immutable; the fold replaces it.
 */
public record MonitoringCycle(MonitoringCycleId id, ProjectId projectId, ApplicationId applicationId, MonitoringCycleState state,
                              LocalDate periodStart, LocalDate periodEnd, long claimedQuantity, List<DocumentRef> report,
                              Optional<Long> verifiedQuantity, Optional<ThirdPartyEntityId> verifier,
                              Optional<IssuanceRequestId> issuanceRequestId, List<DecidedShare> shares, Set<String> issuedShares,
                              List<ReviewClock> reviews) {

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
        Objects.requireNonNull(issuanceRequestId, "issuanceRequestId");
        shares = List.copyOf(shares);
        issuedShares = Collections.unmodifiableSet(new TreeSet<>(issuedShares));
        reviews = List.copyOf(reviews);
    }

    /** The review steps' names in {@link ReviewClock}. */
    static final String VERIFICATION = "VERIFICATION";
    static final String ISSUANCE_DECISION = "ISSUANCE_DECISION";

    /** The key of a share in {@link #issuedShares}. */
    static String shareKey(RegistryId registry, Vintage vintage) {
        return registry.value() + "/" + vintage.year();
    }

    /** The decided share of this registry and vintage, if any. */
    public Optional<DecidedShare> share(RegistryId registry, Vintage vintage) {
        for (DecidedShare d : shares) {
            if (d.registryId().equals(registry) && d.vintage().equals(vintage)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

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
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Set.of(), list);
    }

    MonitoringCycle reviewed(MonitoringCycleState next, Instant at, ReviewVerdict verdict, Actor by, Optional<Long> verified,
                             Optional<ThirdPartyEntityId> verifiedBy) {
        return new MonitoringCycle(id, projectId, applicationId, next, periodStart, periodEnd, claimedQuantity, report, verified,
                verifiedBy, issuanceRequestId, shares, issuedShares, closed(at, verdict, by));
    }

    /** Issuance requested: waiting for the Joint Committee's decision on a new review clock. */
    MonitoringCycle requested(IssuanceRequestId request, Instant at) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        list.add(ReviewClock.open(ISSUANCE_DECISION, at));
        return new MonitoringCycle(id, projectId, applicationId, MonitoringCycleState.ISSUANCE_REQUESTED, periodStart, periodEnd,
                claimedQuantity, report, verifiedQuantity, verifier, Optional.of(request), shares, issuedShares, list);
    }

    /** The issuance decision: decided with its shares, returned to VERIFIED, or rejected. */
    MonitoringCycle decided(MonitoringCycleState next, List<DecidedShare> decided, Instant at, ReviewVerdict verdict, Actor by) {
        return new MonitoringCycle(id, projectId, applicationId, next, periodStart, periodEnd, claimedQuantity, report,
                verifiedQuantity, verifier, issuanceRequestId, decided, issuedShares, closed(at, verdict, by));
    }

    /** One decided share issued; ISSUED once every share is. */
    MonitoringCycle issued(String key) {
        Set<String> more = new TreeSet<>(issuedShares);
        more.add(key);
        MonitoringCycleState next = more.size() == shares.size() ? MonitoringCycleState.ISSUED : state;
        return new MonitoringCycle(id, projectId, applicationId, next, periodStart, periodEnd, claimedQuantity, report,
                verifiedQuantity, verifier, issuanceRequestId, shares, more, reviews);
    }

    private List<ReviewClock> closed(Instant at, ReviewVerdict verdict, Actor by) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        int last = list.size() - 1;
        list.set(last, list.get(last).decided(at, verdict, by));
        return list;
    }
}
