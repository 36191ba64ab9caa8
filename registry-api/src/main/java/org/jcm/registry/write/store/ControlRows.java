package org.jcm.registry.write.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;

/**
 * The rows of the transfer controls' read tables ({@code transfer_policy}, {@code trusted_account},
 * {@code pending_transfer}, {@code reservation}, migration V53) that an event changes, as statements
 * in event order: a pending transfer is inserted by {@code TransferPended} and updated by its later
 * events in the same or a later batch, so the order matters. Such events are rare (never on the
 * direct transfer path), so each is one small statement. {@link EventIndex} adds them to the batch's
 * {@link BatchRows}; {@link BatchStatements} runs them after the events.
 */
final class ControlRows {

    /** One statement with its parameters, in order (null for SQL NULL). */
    record Statement(String sql, List<Object> parameters) {
        Statement(String sql, Object... parameters) {
            this(sql, new ArrayList<>(Arrays.asList(parameters)));
        }
    }

    private static final String UPSERT_POLICY = "INSERT INTO transfer_policy (organization_id, approval_threshold,"
            + " untrusted_needs_approval, untrusted_delay, set_seq, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (organization_id) DO UPDATE SET approval_threshold = excluded.approval_threshold,"
            + " untrusted_needs_approval = excluded.untrusted_needs_approval, untrusted_delay = excluded.untrusted_delay,"
            + " set_seq = excluded.set_seq, set_at = excluded.set_at, set_by = excluded.set_by";
    private static final String UPSERT_TRUSTED = "INSERT INTO trusted_account (organization_id, account_id, added_seq,"
            + " added_at, added_by, effective_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id, account_id)"
            + " DO UPDATE SET added_seq = excluded.added_seq, added_at = excluded.added_at, added_by = excluded.added_by,"
            + " effective_at = excluded.effective_at";
    private static final String DELETE_TRUSTED = "DELETE FROM trusted_account WHERE organization_id = ? AND account_id = ?";
    private static final String INSERT_PENDING = "INSERT INTO pending_transfer (id, organization_id, registry_id,"
            + " from_account_id, to_account_id, quantity, trade_id, memo, initiator, pended_seq, pended_at,"
            + " destination_trusted, approval_required, delay, expires_at, execute_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String APPROVE_PENDING = "UPDATE pending_transfer SET status = 'SCHEDULED', execute_at = ?,"
            + " approved_by = ? WHERE id = ?";
    private static final String END_PENDING = "UPDATE pending_transfer SET status = ?, ended_seq = ?, ended_at = ?,"
            + " ended_by = ?, end_reason = ? WHERE id = ?";
    private static final String INSERT_RESERVATION = "INSERT INTO reservation (action_id, account_id, host_party, vintage,"
            + " first_unit, last_unit) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE_RESERVATION = "DELETE FROM reservation WHERE action_id = ?";

    private ControlRows() {
    }

    static Statement policy(TransferPolicySet e) {
        return new Statement(UPSERT_POLICY, e.organizationId().value(), e.approvalThreshold().orElse(null),
                e.untrustedNeedsApproval(), e.untrustedDelay().toString(), e.seq(), time(e.at()), e.actor().subject());
    }

    static Statement trusted(TrustedAccountAdded e) {
        return new Statement(UPSERT_TRUSTED, e.organizationId().value(), e.accountId().value(), e.seq(), time(e.at()),
                e.actor().subject(), time(e.effectiveAt()));
    }

    static Statement untrusted(TrustedAccountRemoved e) {
        return new Statement(DELETE_TRUSTED, e.organizationId().value(), e.accountId().value());
    }

    /** The pending transfer's row, then its reserved ranges. */
    static void pended(TransferPended e, List<Statement> out) {
        out.add(new Statement(INSERT_PENDING, e.pendingTransferId().value(), e.organizationId().value(),
                e.fromAccountId().registryId().value(), e.fromAccountId().value(), e.toAccountId().value(), e.quantity(),
                e.trade().map(t -> t.tradeId()).orElse(null), e.memo().orElse(null), e.actor().subject(), e.seq(),
                time(e.at()), e.destinationTrusted(), e.approvalRequired(), e.delay().toString(),
                e.expiresAt().map(ControlRows::time).orElse(null), e.executeAt().map(ControlRows::time).orElse(null),
                e.approvalRequired() ? "AWAITING_APPROVAL" : "SCHEDULED"));
        reserved(e.pendingTransferId().value(), e.fromAccountId().value(), e.ranges(), out);
    }

    static Statement approved(PendingTransferApproved e) {
        return new Statement(APPROVE_PENDING, time(e.executeAt()), e.actor().subject(), e.pendingTransferId().value());
    }

    static void executed(PendingTransferExecuted e, List<Statement> out) {
        ended(e.pendingTransferId().value(), "EXECUTED", e.seq(), e.at(), e.actor(), null, out);
    }

    static void cancelled(PendingTransferCancelled e, List<Statement> out) {
        ended(e.pendingTransferId().value(), "CANCELLED", e.seq(), e.at(), e.actor(), e.reason(), out);
    }

    static void expired(PendingTransferExpired e, List<Statement> out) {
        ended(e.pendingTransferId().value(), "EXPIRED", e.seq(), e.at(), e.actor(), null, out);
    }

    /** A proposed cancellation for correction reserves its units under the proposal's id. */
    static void proposed(ProposalMade e, List<Statement> out) {
        if (!e.reserved().isEmpty() && e.action() instanceof CancelCredits c) {
            reserved(e.proposalId().value(), c.fromAccountId().value(), e.reserved(), out);
        }
    }

    /** A proposal ended (approved, rejected, withdrawn or expired): whatever it reserved is cancelled or free again. */
    static Statement proposalEnded(String proposalId) {
        return new Statement(DELETE_RESERVATION, proposalId);
    }

    private static void ended(String id, String status, long seq, Instant at, Actor by, String reason, List<Statement> out) {
        out.add(new Statement(END_PENDING, status, seq, time(at), by.subject(), reason, id));
        out.add(new Statement(DELETE_RESERVATION, id));
    }

    private static void reserved(String actionId, String accountId, List<BlockRange> ranges, List<Statement> out) {
        for (BlockRange r : ranges) {
            out.add(new Statement(INSERT_RESERVATION, actionId, accountId, r.hostParty().value(), r.vintage().year(),
                    r.first(), r.last()));
        }
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
