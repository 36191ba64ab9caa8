package org.jcm.ledger.event;

/**
 * The events of the JCM project cycle: the registries of methodologies and third-party entities,
 * project applications (from the Project Idea Note to the Joint Committee's registration) and
 * monitoring cycles (from the monitoring report to the issuance decision). They reach
 * {@link LedgerEvent.Visitor} through its one method {@code visitProjectCycleEvent}, so that a part
 * of the system that gives the whole cycle one meaning (settlement: no settlement effect) says so
 * once; a part that tells them apart implements {@link Visitor}, where, as everywhere, a new type
 * is a compile error until it is handled.
 */
public sealed interface ProjectCycleEvent extends LedgerEvent
        permits MethodologyRegistered, MethodologyUpdated, ThirdPartyEntityAccredited, ThirdPartyEntityUpdated,
        ApplicationSubmitted, ProjectIdeaResubmitted, DesignSubmitted, ApplicationReviewed,
        ApplicationWithdrawn, ParticipantChangeProposed, ParticipantsChanged,
        MonitoringReportSubmitted, MonitoringReportReviewed, IssuanceDecided {

    @Override
    default <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProjectCycleEvent(this);
    }

    /** The id of what the event is about: a methodology, third-party entity, application or monitoring cycle. */
    String subjectId();

    /** Dispatches on the project-cycle event type. */
    <R> R acceptCycle(Visitor<R> visitor);

    /**
     * One method per project-cycle event record and no default methods.
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        R visitMethodologyRegistered(MethodologyRegistered event);

        R visitMethodologyUpdated(MethodologyUpdated event);

        R visitThirdPartyEntityAccredited(ThirdPartyEntityAccredited event);

        R visitThirdPartyEntityUpdated(ThirdPartyEntityUpdated event);

        R visitApplicationSubmitted(ApplicationSubmitted event);

        R visitProjectIdeaResubmitted(ProjectIdeaResubmitted event);

        R visitDesignSubmitted(DesignSubmitted event);

        R visitApplicationReviewed(ApplicationReviewed event);

        R visitApplicationWithdrawn(ApplicationWithdrawn event);

        R visitParticipantChangeProposed(ParticipantChangeProposed event);

        R visitParticipantsChanged(ParticipantsChanged event);

        R visitMonitoringReportSubmitted(MonitoringReportSubmitted event);

        R visitMonitoringReportReviewed(MonitoringReportReviewed event);

        R visitIssuanceDecided(IssuanceDecided event);
    }
}
