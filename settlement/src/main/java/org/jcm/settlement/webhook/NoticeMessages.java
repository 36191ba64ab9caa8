package org.jcm.settlement.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.settlement.apply.ApplicationNotice;
import org.jcm.settlement.apply.LedgerNotice;
import org.jcm.settlement.apply.PendingTransferNotice;

/**
 * The messages of pending transfers and of project-cycle changes (docs/webhooks.md has the
 * catalogue): {@code approval.requested} when a transfer of the organization waits for its
 * approvers or a participant change for the representative's consent, {@code pending_transfer.updated}
 * at each later turn of a pending transfer, {@code application.changed} to every organization an
 * application names. Ids are derived from the event ({@code ledger-<seq>-approval}, {@code -pending},
 * {@code -application}), so a rebuild derives the same ones.
 */
final class NoticeMessages {

    private NoticeMessages() {
    }

    /** Adds the messages of a notice for the owners among {@code subscribers}. */
    static void add(LedgerNotice notice, Set<Owner> subscribers, List<WebhookMessage> messages) {
        if (notice instanceof PendingTransferNotice pending) {
            Owner owner = Messages.organization(pending.organizationId());
            if (subscribers.contains(owner)) {
                messages.add(pending.asksForApproval() ? approval(pending, owner) : updated(pending, owner));
            }
        } else if (notice instanceof ApplicationNotice application) {
            for (String organization : application.organizations()) {
                Owner owner = Messages.organization(organization);
                if (subscribers.contains(owner)) {
                    messages.add(changed(application, owner));
                }
            }
            ApplicationNotice.Consent consent = application.consent();
            if (consent != null && subscribers.contains(Messages.organization(consent.organizationId()))) {
                messages.add(consent(application, consent));
            }
        }
    }

    private static WebhookMessage approval(PendingTransferNotice p, Owner owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "PENDING_TRANSFER");
        data.put("seq", p.seq());
        data.put("at", p.at().toString());
        data.put("organizationId", p.organizationId());
        data.put("pendingTransferId", p.pendingTransferId());
        transfer(p, data);
        data.put("expiresAt", text(p.expiresAt()));
        return message(owner, EventType.APPROVAL_REQUESTED, "approval", p.seq(), p.at(), data);
    }

    private static WebhookMessage updated(PendingTransferNotice p, Owner owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", p.seq());
        data.put("at", p.at().toString());
        data.put("organizationId", p.organizationId());
        data.put("pendingTransferId", p.pendingTransferId());
        data.put("status", p.status());
        transfer(p, data);
        data.put("executeAt", text(p.executeAt()));
        data.put("reason", p.reason());
        return message(owner, EventType.PENDING_TRANSFER_UPDATED, "pending", p.seq(), p.at(), data);
    }

    private static void transfer(PendingTransferNotice p, Map<String, Object> data) {
        data.put("fromAccountId", p.fromAccountId());
        data.put("toAccountId", p.toAccountId());
        data.put("quantity", p.quantity());
        if (p.venue() != null) {
            data.put("trade", Map.of("venue", p.venue(), "tradeId", p.tradeId()));
        }
    }

    private static WebhookMessage changed(ApplicationNotice a, Owner owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", a.seq());
        data.put("at", a.at().toString());
        data.put("organizationId", owner.id());
        data.put("event", a.event());
        data.put("applicationId", a.applicationId());
        data.put("projectId", a.projectId());
        data.put("monitoringCycleId", a.monitoringCycleId());
        data.put("step", a.step());
        data.put("verdict", a.verdict());
        data.put("applicationState", a.applicationState());
        data.put("monitoringCycleState", a.monitoringCycleState());
        return message(owner, EventType.APPLICATION_CHANGED, "application", a.seq(), a.at(), data);
    }

    private static WebhookMessage consent(ApplicationNotice a, ApplicationNotice.Consent consent) {
        Map<String, Object> proposed = new LinkedHashMap<>();
        proposed.put("representative", consent.representative());
        proposed.put("others", consent.others());
        proposed.put("proxy", consent.proxy());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "PARTICIPANT_CHANGE");
        data.put("seq", a.seq());
        data.put("at", a.at().toString());
        data.put("organizationId", consent.organizationId());
        data.put("applicationId", a.applicationId());
        data.put("projectId", a.projectId());
        data.put("proposedParticipants", proposed);
        return message(Messages.organization(consent.organizationId()), EventType.APPROVAL_REQUESTED, "approval",
                a.seq(), a.at(), data);
    }

    private static WebhookMessage message(Owner owner, EventType type, String suffix, long seq, Instant at,
                                          Map<String, Object> data) {
        return new WebhookMessage(owner, type, "ledger-" + seq + "-" + suffix, seq, at, Messages.body(type, at, data));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
