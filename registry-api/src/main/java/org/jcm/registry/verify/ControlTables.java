package org.jcm.registry.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.state.PendingTransfer;
import org.jcm.ledger.state.Reservation;
import org.jcm.ledger.state.TransferPolicy;

/**
 * The transfer controls' tables (migration V53, docs/four-eyes.md) that {@code POST /ledger/verify}
 * compares with the replayed ledger, after {@link StateTables}' tables: the policies, the trusted
 * lists, every pending transfer and how it stands, and the reserved units.
 *
 * <p>Not compared: the columns that record which event wrote a row ({@code set_seq},
 * {@code added_seq}, {@code pended_seq}, {@code ended_seq}), when and by whom, where replayed
 * state does not keep them. The event log has them, and the chain proves it.
 */
final class ControlTables {

    private ControlTables() {
    }

    static final StateTable POLICY = new StateTable("transfer_policy", List.of("organization_id"), new boolean[] {false},
            List.of("approval_threshold", "untrusted_needs_approval", "untrusted_delay"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Map.Entry<String, TransferPolicy> e : s.transferControls().policies().entrySet()) {
                    TransferPolicy p = e.getValue();
                    rows.add(new Object[] {e.getKey(), p.approvalThreshold(), p.untrustedNeedsApproval(),
                            p.untrustedDelay()});
                }
                return rows;
            });

    static final StateTable TRUSTED = new StateTable("trusted_account", List.of("organization_id", "account_id"),
            new boolean[] {false, false}, List.of("effective_at"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Map.Entry<String, Instant> e : s.transferControls().trustedAccounts().entrySet()) {
                    // Keys are ORGANIZATION/ACCOUNT; neither id has a slash.
                    int slash = e.getKey().indexOf('/');
                    rows.add(new Object[] {e.getKey().substring(0, slash), e.getKey().substring(slash + 1), e.getValue()});
                }
                return rows;
            });

    static final StateTable PENDING = new StateTable("pending_transfer", List.of("id"), new boolean[] {false},
            List.of("organization_id", "registry_id", "from_account_id", "to_account_id", "quantity", "initiator",
                    "destination_trusted", "approval_required", "delay", "expires_at", "execute_at", "status",
                    "approved_by", "ended_at", "end_reason"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (PendingTransfer p : s.transferControls().pendingTransfers()) {
                    rows.add(new Object[] {p.id(), p.organizationId(), p.fromAccountId().registryId(), p.fromAccountId(),
                            p.toAccountId(), p.quantity(), p.initiator().subject(), p.destinationTrusted(),
                            p.approvalRequired(), p.delay(), p.expiresAt(), p.executeAt(), p.status(),
                            p.approver().map(a -> a.subject()), p.endedAt(), p.endReason()});
                }
                return rows;
            });

    static final StateTable RESERVATION = new StateTable("reservation", List.of("host_party", "vintage", "first_unit"),
            new boolean[] {false, true, true}, List.of("last_unit", "action_id", "account_id"),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Reservation r : s.reservations()) {
                    for (BlockRange range : r.ranges()) {
                        rows.add(new Object[] {range.hostParty(), range.vintage().year(), range.first(), range.last(),
                                r.actionId(), r.accountId()});
                    }
                }
                return rows;
            });

    /** The transfer controls' tables, in the order they are checked. */
    static final List<StateTable> ALL = List.of(POLICY, TRUSTED, PENDING, RESERVATION);
}
