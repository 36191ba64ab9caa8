package org.jcm.ledger.state;

/**
 * Where a monitoring cycle stands, from the monitoring report to issuance (docs/project-cycle.md,
 * "Monitoring cycles").
 */
public enum MonitoringCycleState {
    REPORT_SUBMITTED,
    REPORT_RETURNED,
    VERIFIED,
    ISSUANCE_REQUESTED,
    ISSUANCE_DECIDED,
    ISSUED,
    REJECTED;

    /** Who must act next. */
    public ApplicationState.Holder holder() {
        if (this == REPORT_SUBMITTED) {
            return ApplicationState.Holder.THIRD_PARTY_ENTITY;
        }
        if (this == ISSUANCE_REQUESTED) {
            return ApplicationState.Holder.JC_SECRETARIAT;
        }
        if (this == ISSUANCE_DECIDED) {
            return ApplicationState.Holder.REGISTRY_ADMIN;
        }
        return this == REJECTED || this == ISSUED ? ApplicationState.Holder.NONE : ApplicationState.Holder.APPLICANT;
    }
}
