package org.jcm.settlement.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.event.ApplicationReviewed;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.ApplicationWithdrawn;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.DesignSubmitted;
import org.jcm.ledger.event.IssuanceDecided;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.event.ParticipantChangeProposed;
import org.jcm.ledger.event.ParticipantsChanged;
import org.jcm.ledger.event.ProjectCycleEvent;
import org.jcm.ledger.event.ProjectIdeaResubmitted;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.state.Application;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.MonitoringCycle;

/**
 * Works out the {@link ApplicationNotice} of the events that change a project application or one
 * of its monitoring cycles, from the folded state: every project-cycle event of an application or
 * cycle, {@code ProjectRegistered} of a project registered on the route, {@code IssuanceRequested}
 * of a cycle (or of a project registered on the route) and {@code CreditsIssued} on a cycle's
 * request. Events of methodologies, third-party entities and projects registered before the route
 * have none. The organizations told are those the application names before or after the event,
 * so that one a participant change removes hears of it too.
 */
final class CycleNotices {

    private final LedgerState state;

    CycleNotices(LedgerState state) {
        this.state = state;
    }

    /** Folds a project-cycle event; returns its notice, or null for a methodology's or an entity's event. */
    ApplicationNotice fold(ProjectCycleEvent event) {
        Optional<ApplicationId> named = applicationNamed(event);
        Set<String> before = new LinkedHashSet<>();
        named.flatMap(id -> state.projectCycle().application(id)).ifPresent(a -> before.addAll(named(a)));
        state.apply(event);
        Optional<MonitoringCycle> cycle = cycleNamed(event);
        Optional<Application> application = named.isPresent() ? named.flatMap(id -> state.projectCycle().application(id))
                : cycle.flatMap(c -> state.projectCycle().application(c.applicationId()));
        if (application.isEmpty()) {
            return null;
        }
        String step = null;
        String verdict = null;
        if (event instanceof ApplicationReviewed reviewed) {
            step = reviewed.step().name();
            verdict = reviewed.verdict().name();
        } else if (event instanceof MonitoringReportReviewed reviewed) {
            step = "VERIFICATION";
            verdict = reviewed.verdict().name();
        } else if (event instanceof IssuanceDecided decided) {
            step = "ISSUANCE_DECISION";
            verdict = decided.verdict().name();
        }
        ApplicationNotice.Consent consent = event instanceof ParticipantChangeProposed
                ? consent(application.get()) : null;
        return notice(event, application.get(), cycle.orElse(null), step, verdict, before, consent);
    }

    /** The notice of a project registration just folded, or null for a project registered before the route. */
    ApplicationNotice registered(ProjectRegistered event) {
        return event.applicationId().flatMap(id -> state.projectCycle().application(id))
                .map(a -> notice(event, a, null, null, null, Set.of(), null)).orElse(null);
    }

    /** The notice of an issuance request just folded: of its cycle, or of its project's application; else null. */
    ApplicationNotice requested(IssuanceRequested event) {
        Optional<MonitoringCycle> cycle = event.monitoringCycleId().flatMap(id -> state.projectCycle().monitoringCycle(id));
        Optional<Application> application = cycle.isPresent()
                ? state.projectCycle().application(cycle.get().applicationId())
                : state.projectCycle().applicationOf(event.projectId());
        return application.map(a -> notice(event, a, cycle.orElse(null), null, null, Set.of(), null)).orElse(null);
    }

    /** The notice of an issuance just folded on a monitoring cycle's request, else null. */
    ApplicationNotice issued(CreditsIssued event) {
        if (event.issuanceRequestId().isEmpty()) {
            return null;
        }
        Optional<Application> application = state.projectCycle().applicationOf(event.projectId());
        if (application.isEmpty()) {
            return null;
        }
        for (MonitoringCycle cycle : state.projectCycle().monitoringCycles()) {
            if (cycle.issuanceRequestId().equals(event.issuanceRequestId())) {
                return notice(event, application.get(), cycle, null, null, Set.of(), null);
            }
        }
        return null;
    }

    private ApplicationNotice notice(LedgerEvent event, Application application, MonitoringCycle cycle, String step,
                                     String verdict, Set<String> before, ApplicationNotice.Consent consent) {
        Set<String> organizations = new LinkedHashSet<>(before);
        organizations.addAll(named(application));
        return new ApplicationNotice(event.seq(), event.at(), event.type(), application.id().value(),
                application.projectId().map(p -> p.value()).orElse(null), cycle == null ? null : cycle.id().value(),
                step, verdict, application.state().name(), cycle == null ? null : cycle.state().name(),
                List.copyOf(organizations), consent);
    }

    /** The participant change waiting for the representative's consent. */
    private static ApplicationNotice.Consent consent(Application application) {
        if (application.pendingParticipants().isEmpty()) {
            return null;
        }
        Participants proposed = application.pendingParticipants().get();
        return new ApplicationNotice.Consent(application.participants().representative().value(),
                proposed.representative().value(), values(proposed.others()),
                proposed.proxy().map(OrganizationId::value).orElse(null));
    }

    /** Every organization the application names: participants and proxy. */
    private static List<String> named(Application application) {
        return values(application.participants().all());
    }

    private static List<String> values(List<OrganizationId> ids) {
        List<String> values = new ArrayList<>(ids.size());
        for (OrganizationId id : ids) {
            values.add(id.value());
        }
        return values;
    }

    private static Optional<ApplicationId> applicationNamed(ProjectCycleEvent event) {
        if (event instanceof ApplicationSubmitted e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof ProjectIdeaResubmitted e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof DesignSubmitted e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof ApplicationReviewed e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof ApplicationWithdrawn e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof ParticipantChangeProposed e) {
            return Optional.of(e.applicationId());
        } else if (event instanceof ParticipantsChanged e) {
            return Optional.of(e.applicationId());
        }
        return Optional.empty();
    }

    private Optional<MonitoringCycle> cycleNamed(ProjectCycleEvent event) {
        MonitoringCycleId id = null;
        if (event instanceof MonitoringReportSubmitted e) {
            id = e.monitoringCycleId();
        } else if (event instanceof MonitoringReportReviewed e) {
            id = e.monitoringCycleId();
        } else if (event instanceof IssuanceDecided e) {
            id = e.monitoringCycleId();
        }
        return id == null ? Optional.empty() : state.projectCycle().monitoringCycle(id);
    }
}
