package org.jcm.registry.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jcm.ledger.command.ProposalKind;

/**
 * Gauges of the committed ledger read from PostgreSQL on an interval: units in live blocks by
 * status ({@code jcm_ledger_units{status}}), pending transfers waiting for approval or their delay
 * ({@code jcm_pending_transfers{status}}) and proposals of four-eyes actions waiting for a second
 * subject ({@code jcm_open_proposals{kind}}). Every label value is registered at start (0 until
 * the first refresh), so a series never appears or vanishes with the data. Every instance reports
 * them (readers from their standby); dashboards take the {@code max}.
 */
final class LedgerGauges {

    static final List<String> BLOCK_STATUSES = List.of("ACTIVE", "CANCELLED", "RETIRED");
    static final List<String> OPEN_TRANSFER_STATUSES = List.of("AWAITING_APPROVAL", "SCHEDULED");

    private static final String UNITS = "SELECT status, sum(quantity)::bigint FROM block GROUP BY status";
    private static final String PENDING = "SELECT status, count(*) FROM pending_transfer"
            + " WHERE status IN ('AWAITING_APPROVAL', 'SCHEDULED') GROUP BY status";
    // A proposal is open while no approval, rejection (or withdrawal) or expiry names it; all four
    // event types are in the partial index ledger_event_proposal (V50).
    private static final String PROPOSALS = "SELECT m.event_json::jsonb ->> 'kind', count(*) FROM ledger_event m"
            + " WHERE m.type = 'ProposalMade' AND NOT EXISTS (SELECT 1 FROM ledger_event e"
            + " WHERE e.type IN ('ProposalApproved', 'ProposalRejected', 'ProposalExpired')"
            + " AND e.event_json::jsonb ->> 'proposalId' = m.event_json::jsonb ->> 'proposalId')"
            + " GROUP BY 1";

    private final Map<String, AtomicLong> units = new LinkedHashMap<>();
    private final Map<String, AtomicLong> pendingTransfers = new LinkedHashMap<>();
    private final Map<String, AtomicLong> openProposals = new LinkedHashMap<>();

    LedgerGauges(MeterRegistry registry) {
        for (String status : BLOCK_STATUSES) {
            units.put(status, gauge(registry, "jcm.ledger.units", "status", status,
                    "Units in the ledger's blocks by status (ACTIVE, CANCELLED, RETIRED)"));
        }
        for (String status : OPEN_TRANSFER_STATUSES) {
            pendingTransfers.put(status, gauge(registry, "jcm.pending.transfers", "status", status,
                    "Pending transfers not yet ended: awaiting a second approval, or approved and scheduled"));
        }
        for (ProposalKind kind : ProposalKind.values()) {
            openProposals.put(kind.name(), gauge(registry, "jcm.open.proposals", "kind", kind.name(),
                    "Proposals of four-eyes actions waiting for a second subject's approval, by kind"));
        }
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String tag, String value, String description) {
        AtomicLong holder = new AtomicLong();
        Gauge.builder(name, holder, AtomicLong::get).tag(tag, value).description(description).register(registry);
        return holder;
    }

    /** Reads the three gauges again; a failed read leaves them as they were. */
    Uni<Void> refresh(Pool pool) {
        return read(pool, UNITS, units)
                .chain(() -> read(pool, PENDING, pendingTransfers))
                .chain(() -> read(pool, PROPOSALS, openProposals));
    }

    private static Uni<Void> read(Pool pool, String sql, Map<String, AtomicLong> gauges) {
        return pool.query(sql).execute().invoke(rows -> set(rows, gauges)).replaceWithVoid();
    }

    private static void set(RowSet<Row> rows, Map<String, AtomicLong> gauges) {
        Map<String, Long> read = new LinkedHashMap<>();
        for (Row row : rows) {
            read.put(row.getString(0), row.getLong(1));
        }
        gauges.forEach((label, gauge) -> gauge.set(read.getOrDefault(label, 0L)));
    }
}
