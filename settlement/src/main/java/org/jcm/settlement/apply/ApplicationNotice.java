package org.jcm.settlement.apply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A project-cycle event of one application (docs/project-cycle.md), for the organizations it
 * names: what happened and where the application (and the monitoring cycle, for a cycle's event)
 * stands after it. Carries no document and no free text of the event.
 *
 * @param seq the ledger seq of the event
 * @param at its event time
 * @param event the ledger event type, e.g. {@code ApplicationReviewed}
 * @param applicationId the application
 * @param projectId the project once registered, else null
 * @param monitoringCycleId the monitoring cycle of a cycle's event, else null
 * @param step the review step a review event decided ({@code PROJECT_IDEA}, {@code VALIDATION},
 *        {@code REGISTRATION}, {@code VERIFICATION}, {@code ISSUANCE_DECISION}), else null
 * @param verdict the review's verdict (ACCEPT, RETURN, REJECT), else null
 * @param applicationState the application's state after the event
 * @param monitoringCycleState the cycle's state after a cycle's event, else null
 * @param organizations who hears of it: every organization the application names (participants
 *        and proxy) before or after the event, without repeats
 * @param consent for a participant change waiting for consent: the representative, whose account
 *        holders are asked to consent, and what is proposed; else null
 */
public record ApplicationNotice(long seq, Instant at, String event, String applicationId, String projectId,
                                String monitoringCycleId, String step, String verdict, String applicationState,
                                String monitoringCycleState, List<String> organizations, Consent consent)
        implements LedgerNotice {

    /**
     * A participant change proposed by the proxy, waiting for the representative's consent.
     *
     * @param organizationId the representative (asked to consent)
     * @param representative the proposed representative
     * @param others the proposed other participants
     * @param proxy the proposed proxy, or null
     */
    public record Consent(String organizationId, String representative, List<String> others, String proxy) {

        /** Copies the list. */
        public Consent {
            Objects.requireNonNull(organizationId, "organizationId");
            others = List.copyOf(others);
        }
    }

    /** Copies the list. */
    public ApplicationNotice {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(applicationState, "applicationState");
        organizations = List.copyOf(organizations);
    }
}
