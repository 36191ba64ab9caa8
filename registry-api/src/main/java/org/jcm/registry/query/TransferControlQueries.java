package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.PendingTransferView;
import org.jcm.registry.api.TransferPolicyView;
import org.jcm.registry.api.TrustedAccountView;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.security.RegistryScope;

/**
 * Reads the transfer controls (docs/four-eyes.md) from the tables the writer keeps with their events
 * (V53): an organization's own transfer policy, its trusted-account list, and pending transfers, one
 * or a page of them within what the reader may see.
 */
@ApplicationScoped
public class TransferControlQueries {

    /** Pending transfers by id. */
    public static final ListKind PENDING_TRANSFERS = new ListKind("pending-transfers", 1);

    private static final String ORGANIZATION_SCOPE = "SELECT o.registry_id, r.party FROM organization o"
            + " JOIN registry r ON r.id = o.registry_id WHERE o.id = $1";
    private static final String POLICY = "SELECT approval_threshold, untrusted_needs_approval, untrusted_delay, set_at, set_by"
            + " FROM transfer_policy WHERE organization_id = $1";
    private static final String TRUSTED = "SELECT account_id, added_at, added_by, effective_at FROM trusted_account"
            + " WHERE organization_id = $1 ORDER BY account_id";
    private static final String PENDING_COLUMNS = "SELECT id, organization_id, registry_id, from_account_id, to_account_id,"
            + " quantity, trade_id, memo, initiator, pended_seq, pended_at, destination_trusted, approval_required, delay,"
            + " expires_at, execute_at, status, approved_by, ended_at, ended_by, end_reason FROM pending_transfer";
    private static final String PENDING_ONE = PENDING_COLUMNS + " WHERE id = $1";
    // One statement for every reader: each filter is either given or null (then it matches every row).
    private static final String PENDING_PAGE = PENDING_COLUMNS + " WHERE id > $1"
            + " AND ($2::text IS NULL OR organization_id = $2) AND ($3::text IS NULL OR registry_id = $3)"
            + " AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR from_account_id = $5 OR to_account_id = $5)"
            + " ORDER BY id LIMIT $6";

    private final Pool pool;

    TransferControlQueries(Pool pool) {
        this.pool = pool;
    }

    /** Where an organization belongs (its registry and that registry's Party), for access checks; empty if unknown. */
    public Uni<Optional<RegistryScope>> organizationScope(String organizationId) {
        return pool.preparedQuery(ORGANIZATION_SCOPE).execute(Tuple.of(organizationId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new RegistryScope(row.getString("registry_id"), row.getString("party"), organizationId));
        });
    }

    /** The organization's own policy, as its registry's administrator set it; empty when it uses the default. */
    public Uni<Optional<TransferPolicyView>> policy(String organizationId) {
        return pool.preparedQuery(POLICY).execute(Tuple.of(organizationId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new TransferPolicyView(organizationId, row.getLong("approval_threshold"),
                    row.getBoolean("untrusted_needs_approval"), row.getString("untrusted_delay"), "ORGANIZATION",
                    time(row.getOffsetDateTime("set_at")), row.getString("set_by")));
        });
    }

    /** The organization's trusted-account list by account id; {@code now} tells effective entries from pending ones. */
    public Uni<List<TrustedAccountView>> trustedAccounts(String organizationId, Instant now) {
        return pool.preparedQuery(TRUSTED).execute(Tuple.of(organizationId)).map(rows -> {
            List<TrustedAccountView> list = new ArrayList<>(rows.size());
            for (Row row : rows) {
                OffsetDateTime effective = row.getOffsetDateTime("effective_at");
                list.add(new TrustedAccountView(row.getString("account_id"), time(row.getOffsetDateTime("added_at")),
                        row.getString("added_by"), time(effective), effective.toInstant().isAfter(now) ? "PENDING" : "TRUSTED"));
            }
            return list;
        });
    }

    /** One pending transfer, ended or not; empty if there is none with this id. */
    public Uni<Optional<PendingTransferView>> pendingTransfer(String id) {
        return pool.preparedQuery(PENDING_ONE).execute(Tuple.of(id)).map(rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /**
     * A page of pending transfers by id: of one organization and/or one registry (the reader's scope; null for all),
     * with a status and an account (source or destination) if given.
     */
    public Uni<ListResponse<PendingTransferView>> pendingTransfers(String organizationId, String registryId, String status,
                                                                   String accountId, PageRequest page) {
        String after = page.after().map(c -> c.text(0)).orElse("");
        return pool.preparedQuery(PENDING_PAGE).execute(Tuple.from(new Object[] {after, organizationId, registryId, status,
                accountId, page.fetchSize()})).map(rows -> {
                    List<PendingTransferView> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(view(row));
                    }
                    return Pages.of(list, page, v -> PENDING_TRANSFERS.cursor(v.id()));
                });
    }

    private static PendingTransferView view(Row row) {
        String status = row.getString("status");
        PendingTransferView.Approver approver = "AWAITING_APPROVAL".equals(status)
                ? new PendingTransferView.Approver(Role.ACCOUNT_HOLDER.wireName(), row.getString("organization_id")) : null;
        return new PendingTransferView(row.getString("id"), row.getString("organization_id"), row.getString("registry_id"),
                row.getString("from_account_id"), row.getString("to_account_id"), row.getLong("quantity"),
                row.getString("trade_id"), row.getString("memo"), row.getString("initiator"), row.getLong("pended_seq"),
                time(row.getOffsetDateTime("pended_at")), row.getBoolean("destination_trusted"),
                row.getBoolean("approval_required"), row.getString("delay"), time(row.getOffsetDateTime("expires_at")),
                time(row.getOffsetDateTime("execute_at")), status, approver, row.getString("approved_by"),
                time(row.getOffsetDateTime("ended_at")), row.getString("ended_by"), row.getString("end_reason"));
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : EventCodec.formatTime(at.toInstant());
    }
}
