package org.jcm.ledger.state;

/**
 * Where a monitoring cycle stands. The ledger records the report's submission and verification;
 * the issuance request, the Joint Committee's issuance decision and issuance follow
 * (docs/project-cycle.md, "Monitoring cycles").
 */
public enum MonitoringCycleState {
    REPORT_SUBMITTED,
    REPORT_RETURNED,
    VERIFIED,
    REJECTED;

    /** Who must act next. */
    public ApplicationState.Holder holder() {
        if (this == REPORT_SUBMITTED) {
            return ApplicationState.Holder.THIRD_PARTY_ENTITY;
        }
        return this == REJECTED ? ApplicationState.Holder.NONE : ApplicationState.Holder.APPLICANT;
    }
}
