package org.jcm.ledger.state;

import java.util.Optional;
import org.jcm.ledger.event.ApplicationReviewed;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.ApplicationWithdrawn;
import org.jcm.ledger.event.DesignSubmitted;
import org.jcm.ledger.event.ParticipantChangeProposed;
import org.jcm.ledger.event.ParticipantsChanged;
import org.jcm.ledger.event.ProjectIdeaResubmitted;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ReviewStep;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * The fold of project applications: each event moves one application along the route. Each checks
 * that the event fits the application's state (a replayed log may be damaged) and replaces the
 * immutable {@link Application} through {@link JournaledWrites}, so a rollback restores it.
 */
final class ApplicationFold {

    private final LedgerData data;
    private final JournaledWrites writes;

    ApplicationFold(LedgerData data, JournaledWrites writes) {
        this.data = data;
        this.writes = writes;
    }

    void submitted(ApplicationSubmitted e) {
        if (e.applicationId().number() != data.applications.size() + 1L) {
            throw new InconsistentEventException(e.seq(), "application " + e.applicationId() + " is not the next number");
        }
        put(Application.submitted(e.applicationId(), e.idea(), e.participants(), e.at()));
    }

    void resubmitted(ProjectIdeaResubmitted e) {
        put(in(e.seq(), e.applicationId(), ApplicationState.PIN_RETURNED).resubmitted(e.idea(), e.at()));
    }

    void designSubmitted(DesignSubmitted e) {
        Application a = application(e.seq(), e.applicationId());
        if (a.state() != ApplicationState.PIN_CONFIRMED && a.state() != ApplicationState.DESIGN_RETURNED) {
            throw wrongState(e.seq(), a);
        }
        put(a.designSubmitted(e.documents(), e.at()));
    }

    void reviewed(ApplicationReviewed e) {
        ReviewStep step = e.step();
        ApplicationState from = step == ReviewStep.PROJECT_IDEA ? ApplicationState.PIN_SUBMITTED
                : step == ReviewStep.VALIDATION ? ApplicationState.DESIGN_SUBMITTED : ApplicationState.VALIDATED;
        Application a = in(e.seq(), e.applicationId(), from);
        ReviewVerdict v = e.verdict();
        if (v == ReviewVerdict.REJECT) {
            put(a.decided(ApplicationState.REJECTED, e.at(), v, e.actor(), Optional.empty(), Optional.empty()));
        } else if (v == ReviewVerdict.RETURN) {
            ApplicationState back = step == ReviewStep.PROJECT_IDEA ? ApplicationState.PIN_RETURNED : ApplicationState.DESIGN_RETURNED;
            put(a.decided(back, e.at(), v, e.actor(), Optional.empty(), Optional.empty()));
        } else if (step == ReviewStep.PROJECT_IDEA) {
            Application confirmed = a.confirmedBy(new PartyCode(e.actor().scope()));
            put(confirmed.confirmedBy().containsAll(a.idea().hostParties())
                    ? confirmed.decided(ApplicationState.PIN_CONFIRMED, e.at(), v, e.actor(), Optional.empty(), Optional.empty())
                    : confirmed);
        } else if (step == ReviewStep.VALIDATION) {
            put(a.decided(ApplicationState.VALIDATED, e.at(), v, e.actor(), Optional.of(ReviewStep.REGISTRATION.name()),
                    Optional.of(ThirdPartyEntityId.parse(e.actor().scope()))));
        } else {
            put(a.decided(ApplicationState.REGISTERED, e.at(), v, e.actor(), Optional.empty(), Optional.empty()));
        }
    }

    void withdrawn(ApplicationWithdrawn e) {
        Application a = application(e.seq(), e.applicationId());
        if (a.state().ended() || a.state() == ApplicationState.REGISTERED) {
            throw wrongState(e.seq(), a);
        }
        put(a.withState(ApplicationState.WITHDRAWN));
    }

    void changeProposed(ParticipantChangeProposed e) {
        Application a = live(e.seq(), e.applicationId());
        put(a.withParticipants(a.participants(), Optional.of(e.participants())));
    }

    void changed(ParticipantsChanged e) {
        Application a = live(e.seq(), e.applicationId());
        put(a.withParticipants(e.participants(), Optional.empty()));
        if (a.projectId().isPresent()) {
            Project p = data.projects.get(a.projectId().get());
            writes.put(data.projects, p.id(), new Project(p.id(), p.hostParty(), p.registryId(), p.title(), p.methodologyId(),
                    e.participants().participants()));
        }
    }

    /** A project registered on the Joint Committee's decision: the registered application gets its project id. */
    void registered(ProjectRegistered e) {
        if (e.applicationId().isEmpty()) {
            return;
        }
        Application a = in(e.seq(), e.applicationId().get(), ApplicationState.REGISTERED);
        if (a.projectId().isPresent()) {
            throw new InconsistentEventException(e.seq(), "application " + a.id() + " is already project " + a.projectId().get());
        }
        put(a.registeredAs(e.projectId()));
        writes.put(data.projectApplications, e.projectId(), a.id());
    }

    private void put(Application a) {
        writes.put(data.applications, a.id(), a);
    }

    private Application application(long seq, ApplicationId id) {
        Application a = data.applications.get(id);
        if (a == null) {
            throw new InconsistentEventException(seq, "unknown application " + id);
        }
        return a;
    }

    private Application in(long seq, ApplicationId id, ApplicationState expected) {
        Application a = application(seq, id);
        if (a.state() != expected) {
            throw wrongState(seq, a);
        }
        return a;
    }

    private Application live(long seq, ApplicationId id) {
        Application a = application(seq, id);
        if (a.state().ended()) {
            throw wrongState(seq, a);
        }
        return a;
    }

    private static InconsistentEventException wrongState(long seq, Application a) {
        return new InconsistentEventException(seq, "application " + a.id() + " is " + a.state());
    }
}
