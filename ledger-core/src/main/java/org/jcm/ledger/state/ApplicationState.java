package org.jcm.ledger.state;

/** Where a project application stands on the route (docs/project-cycle.md has the diagram). */
public enum ApplicationState {
    PIN_SUBMITTED,
    PIN_RETURNED,
    PIN_CONFIRMED,
    DESIGN_SUBMITTED,
    DESIGN_RETURNED,
    VALIDATED,
    REGISTERED,
    REJECTED,
    WITHDRAWN;

    /** Rejected or withdrawn: nothing more happens to the application. */
    public boolean ended() {
        return this == REJECTED || this == WITHDRAWN;
    }

    /** Who must act next: the applicant, a reviewer, or nobody (registered or ended). */
    public Holder holder() {
        if (this == PIN_SUBMITTED) {
            return Holder.HOST_GOVERNMENT;
        }
        if (this == DESIGN_SUBMITTED) {
            return Holder.THIRD_PARTY_ENTITY;
        }
        if (this == VALIDATED) {
            return Holder.JC_SECRETARIAT;
        }
        if (this == PIN_RETURNED || this == PIN_CONFIRMED || this == DESIGN_RETURNED) {
            return Holder.APPLICANT;
        }
        return Holder.NONE;
    }

    /** Who holds an application or monitoring cycle: whose move it is. */
    public enum Holder {
        APPLICANT,
        HOST_GOVERNMENT,
        THIRD_PARTY_ENTITY,
        JC_SECRETARIAT,
        REGISTRY_ADMIN,
        NONE
    }
}
