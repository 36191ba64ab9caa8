package org.jcm.ledger.state;

import org.jcm.ledger.event.MethodologyRegistered;
import org.jcm.ledger.event.MethodologyUpdated;
import org.jcm.ledger.event.ProjectCycleEvent;
import org.jcm.ledger.event.ThirdPartyEntityAccredited;
import org.jcm.ledger.event.ThirdPartyEntityUpdated;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.ThirdPartyEntity;

/**
 * The fold of the project-cycle events: methodologies and third-party entities are replaced
 * whole; applications move along the route in {@link ApplicationFold}. Each checks that the event fits the state, since a replayed log may
 * be damaged. Every value here is immutable and replaced through {@link JournaledWrites}, so a
 * rollback restores it.
 */
final class ProjectCycleFold implements ProjectCycleEvent.Visitor<Void> {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ApplicationFold applications;
    private final MonitoringFold monitoring;

    ProjectCycleFold(LedgerData data, JournaledWrites writes) {
        this.data = data;
        this.writes = writes;
        this.applications = new ApplicationFold(data, writes);
        this.monitoring = new MonitoringFold(data, writes);
    }

    /** The monitoring part of the fold, which also follows the issuance requests and issuances of cycles. */
    MonitoringFold monitoring() {
        return monitoring;
    }

    /** The application part of the fold, which also links a project registered on the route to its application. */
    ApplicationFold applications() {
        return applications;
    }

    @Override
    public Void visitMethodologyRegistered(MethodologyRegistered e) {
        methodology(e.seq(), e.methodology(), true);
        return null;
    }

    @Override
    public Void visitMethodologyUpdated(MethodologyUpdated e) {
        methodology(e.seq(), e.methodology(), false);
        return null;
    }

    @Override
    public Void visitThirdPartyEntityAccredited(ThirdPartyEntityAccredited e) {
        entity(e.seq(), e.entity(), true);
        return null;
    }

    @Override
    public Void visitThirdPartyEntityUpdated(ThirdPartyEntityUpdated e) {
        entity(e.seq(), e.entity(), false);
        return null;
    }

    @Override
    public Void visitApplicationSubmitted(org.jcm.ledger.event.ApplicationSubmitted e) {
        applications.submitted(e);
        return null;
    }

    @Override
    public Void visitProjectIdeaResubmitted(org.jcm.ledger.event.ProjectIdeaResubmitted e) {
        applications.resubmitted(e);
        return null;
    }

    @Override
    public Void visitDesignSubmitted(org.jcm.ledger.event.DesignSubmitted e) {
        applications.designSubmitted(e);
        return null;
    }

    @Override
    public Void visitApplicationReviewed(org.jcm.ledger.event.ApplicationReviewed e) {
        applications.reviewed(e);
        return null;
    }

    @Override
    public Void visitApplicationWithdrawn(org.jcm.ledger.event.ApplicationWithdrawn e) {
        applications.withdrawn(e);
        return null;
    }

    @Override
    public Void visitParticipantChangeProposed(org.jcm.ledger.event.ParticipantChangeProposed e) {
        applications.changeProposed(e);
        return null;
    }

    @Override
    public Void visitParticipantsChanged(org.jcm.ledger.event.ParticipantsChanged e) {
        applications.changed(e);
        return null;
    }

    @Override
    public Void visitMonitoringReportSubmitted(org.jcm.ledger.event.MonitoringReportSubmitted e) {
        monitoring.submitted(e);
        return null;
    }

    @Override
    public Void visitMonitoringReportReviewed(org.jcm.ledger.event.MonitoringReportReviewed e) {
        monitoring.reviewed(e);
        return null;
    }

    @Override
    public Void visitIssuanceDecided(org.jcm.ledger.event.IssuanceDecided e) {
        monitoring.decided(e);
        return null;
    }

    private void methodology(long seq, Methodology m, boolean isNew) {
        Methodology old = data.methodologies.get(m.id());
        if (isNew == (old != null) || !data.parties.containsKey(m.hostParty())
                || (old != null && !old.hostParty().equals(m.hostParty()))) {
            throw new InconsistentEventException(seq, "methodology " + m.id() + (isNew ? " exists" : " is unknown")
                    + " or its host does not fit");
        }
        writes.put(data.methodologies, m.id(), m);
    }

    private void entity(long seq, ThirdPartyEntity t, boolean isNew) {
        if (isNew == data.thirdPartyEntities.containsKey(t.id())) {
            throw new InconsistentEventException(seq, "third-party entity " + t.id() + (isNew ? " exists" : " is unknown"));
        }
        writes.put(data.thirdPartyEntities, t.id(), t);
    }
}
