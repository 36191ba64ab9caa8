package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.UnitEvent;
import org.jcm.registry.api.UnitLookup;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/**
 * Looks up units: which of the asked units exist, the live blocks holding them, and one page of
 * every event that named them. The statements share one read-only REPEATABLE READ transaction, so
 * the blocks and the history describe the same moment of the ledger (the writer commits events
 * and blocks together).
 */
@ApplicationScoped
public class UnitQueries {

    /**
     * A unit's history, keyed by seq. It usually fits one page, so it pages by the largest size by
     * default: "the full history" is one request for all but the busiest units.
     */
    public static final ListKind HISTORY = new ListKind("unit-history", 1, PageRequest.MAX_LIMIT);
    /** The most live blocks one lookup lists. */
    static final int MAX_BLOCKS = 1000;

    private static final String PROJECT_HOST = "SELECT pr.host_party, pa.cooperative_approach_id"
            + " FROM project pr JOIN party pa ON pa.code = pr.host_party WHERE pr.id = $1";
    private static final String PARTY_APPROACH = "SELECT cooperative_approach_id FROM party WHERE code = $1";
    // The overlap is written exactly as in the exclusion constraint block_units_disjoint, so that
    // its GiST index on (host_party, vintage, int8range(first_unit, last_unit, '[]')) serves it.
    private static final String OVERLAPPING = " FROM block b WHERE b.host_party = $1 AND b.vintage = $2"
            + " AND int8range(b.first_unit, b.last_unit, '[]') && int8range($3, $4, '[]')";
    static final String BY_PROJECT = " AND b.project_id = $5";
    static final String BY_ISSUING_REGISTRY = " AND b.issuing_registry_id = $5";
    // With the project's first host, which names the serials of another host's numbering line.
    static final String EXISTING = "SELECT existing.project_id, pr.host_party AS project_host, lower(r) AS first_unit,"
            + " upper(r) - 1 AS last_unit FROM ("
            + "SELECT b.project_id, unnest(range_agg(int8range(greatest(b.first_unit, $3), least(b.last_unit, $4), '[]'))) AS r"
            + OVERLAPPING + "%s GROUP BY b.project_id) existing JOIN project pr ON pr.id = existing.project_id"
            + " ORDER BY first_unit";
    private static final String BLOCKS = "SELECT " + BlockRows.COLUMNS + " FROM " + BlockRows.FROM
            + " WHERE b.host_party = $1 AND b.vintage = $2"
            + " AND int8range(b.first_unit, b.last_unit, '[]') && int8range($3, $4, '[]')"
            + "%s ORDER BY b.first_unit LIMIT " + (MAX_BLOCKS + 1);
    // One probe of the GiST index event_units_range with all asked ranges as one multirange.
    private static final String HISTORY_SQL = "SELECT e.event_json FROM ledger_event e WHERE e.seq IN ("
            + "SELECT eu.seq FROM event_units eu WHERE eu.host_party = $1 AND eu.vintage = $2 AND eu.units && ("
            + "SELECT range_agg(int8range(f, l, '[]')) FROM unnest($3::int8[], $4::int8[]) AS r(f, l)))"
            + " AND e.seq > $5 ORDER BY e.seq LIMIT $6";

    private final Pool pool;

    UnitQueries(Pool pool) {
        this.pool = pool;
    }

    /** The units asked about with their blocks and one page of history; empty when none of them exists. */
    public Uni<Optional<UnitLookup>> lookup(UnitQuery query, PageRequest page) {
        return pool.withTransaction(connection -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> host(connection, query))
                .chain(host -> host.isEmpty() ? Uni.createFrom().item(Optional.<UnitLookup>empty())
                        : lookup(connection, query, host.get(), page)));
    }

    /**
     * The host Party whose numbering line the asked units are in, or empty when the project is unknown or the ITMO id's
     * approach is not its Party's: the host a serial names, else the project's first host.
     */
    static Uni<Optional<String>> host(SqlConnection connection, UnitQuery query) {
        if (!query.isItmoId()) {
            return connection.preparedQuery(PROJECT_HOST).execute(Tuple.of(query.projectId()))
                    .map(rows -> first(rows).map(row -> query.hostParty() != null ? query.hostParty()
                            : row.getString("host_party")));
        }
        return connection.preparedQuery(PARTY_APPROACH).execute(Tuple.of(query.hostParty()))
                .map(rows -> first(rows)
                        .filter(row -> query.cooperativeApproachId().equals(row.getString("cooperative_approach_id")))
                        .map(row -> query.hostParty()));
    }

    private Uni<Optional<UnitLookup>> lookup(SqlConnection connection, UnitQuery query, String host, PageRequest page) {
        String filter = query.isItmoId() ? BY_ISSUING_REGISTRY : BY_PROJECT;
        Tuple unitsOfQuery = Tuple.of(host, (short) query.vintage(), query.first(), query.last(),
                query.isItmoId() ? query.issuingRegistryId() : query.projectId());
        return connection.preparedQuery(EXISTING.formatted(filter)).execute(unitsOfQuery).chain(existing -> {
            if (existing.size() == 0) {
                return Uni.createFrom().item(Optional.empty());
            }
            AskedUnits asked = AskedUnits.of(host, query.vintage(), existing);
            String project = existing.iterator().next().getString("project_id");
            return connection.preparedQuery(BLOCKS.formatted(filter)).execute(unitsOfQuery)
                    .chain(blockRows -> history(connection, asked, page).map(history -> Optional.of(
                            assemble(query, project, asked, blockRows, history))));
        });
    }

    private Uni<ListResponse<UnitEvent>> history(SqlConnection connection, AskedUnits asked, PageRequest page) {
        long after = page.after().map(c -> c.number(0)).orElse(0L);
        return connection.preparedQuery(HISTORY_SQL)
                .execute(Tuple.of(asked.hostParty(), (short) asked.vintage(), asked.firsts(), asked.lasts(), after,
                        page.fetchSize()))
                .map(rows -> {
                    List<UnitEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(UnitHistory.entry(row.getString("event_json"), asked));
                    }
                    return Pages.of(events, page, e -> HISTORY.cursor(e.seq()));
                });
    }

    private static UnitLookup assemble(UnitQuery query, String projectId, AskedUnits asked, RowSet<Row> blockRows,
                                       ListResponse<UnitEvent> history) {
        List<BlockView> blocks = new ArrayList<>(Math.min(blockRows.size(), MAX_BLOCKS));
        for (Row row : blockRows) {
            if (blocks.size() < MAX_BLOCKS) {
                blocks.add(BlockRows.view(row, true));
            }
        }
        return new UnitLookup(query.text(), asked.hostParty(), projectId, query.vintage(), query.first(), query.last(),
                asked.quantity(), blocks, blockRows.size() > MAX_BLOCKS, history.items(), history.next());
    }

    static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }
}
