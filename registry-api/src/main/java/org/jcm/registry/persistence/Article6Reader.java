package org.jcm.registry.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.event.LedgerEvent;

/**
 * Reads for the Article 6.2 reports from committed rows, without blocking a thread: pages of the
 * event log for the AEF replay, the issuance summary and the retirements of a period or of one
 * organization with the current state of the retired units. These are aggregates, range overlaps and pages of the log,
 * so they stay SQL on the Vert.x client; authorizations are entity reads
 * ({@code org.jcm.registry.query.AuthorizationQueries}).
 */
@ApplicationScoped
public class Article6Reader {

    private final Pool pool;

    Article6Reader(Pool pool) {
        this.pool = pool;
    }

    // ------------------------------------------------------------------ the event log, for the AEF replay

    /** The seq of the last event applied before {@code end} (0 if none). */
    public Uni<Long> lastSeqBefore(Instant end) {
        return pool.preparedQuery("SELECT coalesce(max(seq), 0) AS seq FROM ledger_event WHERE at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(end, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    /** Up to {@code limit} events after {@code afterSeq} and at most {@code throughSeq}, decoded, in seq order. */
    public Uni<List<LedgerEvent>> events(long afterSeq, long throughSeq, int limit) {
        return pool.preparedQuery("SELECT event_json FROM ledger_event WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3")
                .execute(Tuple.of(afterSeq, throughSeq, limit))
                .map(Article6Reader::decodeAll);
    }

    private static List<LedgerEvent> decodeAll(RowSet<Row> rows) {
        List<LedgerEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(StoredEventJson.decode(row.getString("event_json")));
        }
        return events;
    }

    // ------------------------------------------------------------------ public reports

    /** Issued, held, retired and cancelled units per host Party and vintage, with the head they reflect. */
    public Uni<Summary> summary() {
        // One statement, so the totals and the head come from one snapshot.
        return pool.query("SELECT h.seq, b.host_party, b.vintage, b.issued, b.held, b.retired, b.cancelled"
                        + " FROM (SELECT coalesce(max(seq), 0) AS seq FROM ledger_event) h LEFT JOIN ("
                        + " SELECT host_party, vintage, sum(quantity)::bigint AS issued,"
                        + " coalesce(sum(quantity) FILTER (WHERE status = 'ACTIVE'), 0)::bigint AS held,"
                        + " coalesce(sum(quantity) FILTER (WHERE status = 'RETIRED'), 0)::bigint AS retired,"
                        + " coalesce(sum(quantity) FILTER (WHERE status = 'CANCELLED'), 0)::bigint AS cancelled"
                        + " FROM block GROUP BY host_party, vintage) b ON true ORDER BY b.host_party, b.vintage")
                .execute()
                .map(rows -> {
                    long seq = 0;
                    List<Summary.Line> lines = new ArrayList<>();
                    for (Row row : rows) {
                        seq = row.getLong("seq");
                        if (row.getString("host_party") != null) {
                            lines.add(new Summary.Line(row.getString("host_party"), row.getInteger("vintage"),
                                    row.getLong("issued"), row.getLong("held"), row.getLong("retired"), row.getLong("cancelled")));
                        }
                    }
                    return new Summary(seq, lines);
                });
    }

    /** Totals of the live blocks per host Party and vintage, as of ledger seq {@code asOfSeq}. */
    public record Summary(long asOfSeq, List<Line> lines) {

        /** One host Party and vintage. */
        public record Line(String hostParty, int vintage, long issued, long held, long retired, long cancelled) {
        }
    }

    /**
     * Every retirement applied in {@code [from, to)}, in ledger order: the public statement by
     * beneficiary name matches their names in the service (docs/companies.md), since names are
     * compared after Unicode normalization and case folding that the database's collation does not do.
     */
    public Uni<List<CreditsRetired>> retirementsBetween(Instant from, Instant to) {
        return pool.preparedQuery("SELECT event_json FROM ledger_event WHERE type = 'CreditsRetired'"
                        + " AND at >= $1 AND at < $2 ORDER BY seq")
                .execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC)))
                .map(Article6Reader::retirementsOf);
    }

    /**
     * The retirements applied in {@code [from, to)} that {@code organizationId} made (from one of its
     * accounts) or that name it as their beneficiary organization, in ledger order.
     */
    public Uni<List<CreditsRetired>> claimsOf(String organizationId, Instant from, Instant to) {
        return pool.preparedQuery("SELECT e.seq, e.event_json FROM ledger_event e JOIN event_account ea ON ea.seq = e.seq"
                        + " JOIN account a ON a.id = ea.account_id WHERE a.organization_id = $1 AND e.type = 'CreditsRetired'"
                        + " AND e.at >= $2 AND e.at < $3"
                        + " UNION SELECT seq, event_json FROM ledger_event WHERE type = 'CreditsRetired'"
                        + " AND (event_json::jsonb) ->> 'beneficiaryOrganizationId' = $1 AND at >= $2 AND at < $3 ORDER BY seq")
                .execute(Tuple.of(organizationId, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC)))
                .map(Article6Reader::retirementsOf);
    }

    private static List<CreditsRetired> retirementsOf(RowSet<Row> rows) {
        List<CreditsRetired> retired = new ArrayList<>(rows.size());
        for (Row row : rows) {
            retired.add((CreditsRetired) StoredEventJson.decode(row.getString("event_json")));
        }
        return retired;
    }

    /** The registered names of the organizations {@code ids} that exist, by id. */
    public Uni<Map<String, String>> organizationNames(Set<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT id, name FROM organization WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    for (Row row : rows) {
                        names.put(row.getString("id"), row.getString("name"));
                    }
                    return names;
                });
    }

    /** The ranges of {@code events}, each cut into the pieces of today's blocks, in the events' order. */
    public Uni<List<RetiredPiece>> pieces(List<CreditsRetired> events) {
        List<Retired> retired = new ArrayList<>();
        for (CreditsRetired e : events) {
            for (BlockRange r : e.ranges()) {
                retired.add(new Retired(e, r));
            }
        }
        return retired.isEmpty() ? Uni.createFrom().item(List.of()) : piecesOf(retired);
    }

    /**
     * The newest {@code limit} retirements, newest first, each range cut into the pieces of today's
     * blocks like {@link #piecesOf}, with the ledger head they reflect.
     */
    public Uni<Recent> recentRetirements(int limit) {
        // The head and the events come from one statement, so that asOfSeq covers every row.
        return pool.preparedQuery("SELECT h.seq, e.event_json FROM (SELECT coalesce(max(seq), 0) AS seq FROM ledger_event) h"
                        + " LEFT JOIN LATERAL (SELECT seq, event_json FROM ledger_event WHERE type = 'CreditsRetired'"
                        + " ORDER BY seq DESC LIMIT $1) e ON true ORDER BY e.seq DESC")
                .execute(Tuple.of(limit))
                .flatMap(rows -> {
                    long head = 0;
                    List<Retired> retired = new ArrayList<>();
                    for (Row row : rows) {
                        head = row.getLong("seq");
                        String json = row.getString("event_json");
                        if (json != null) {
                            CreditsRetired e = (CreditsRetired) StoredEventJson.decode(json);
                            for (BlockRange r : e.ranges()) {
                                retired.add(new Retired(e, r));
                            }
                        }
                    }
                    long asOfSeq = head;
                    return (retired.isEmpty() ? Uni.createFrom().item(List.<RetiredPiece>of()) : piecesOf(retired))
                            .map(pieces -> new Recent(asOfSeq, pieces));
                });
    }

    /**
     * The ranges of one retirement, each cut into the pieces of today's blocks like
     * {@link #piecesOf}, with their authorization and corresponding-adjustment state.
     */
    public Uni<List<RetiredPiece>> pieces(CreditsRetired event) {
        List<Retired> retired = new ArrayList<>(event.ranges().size());
        for (BlockRange r : event.ranges()) {
            retired.add(new Retired(event, r));
        }
        return retired.isEmpty() ? Uni.createFrom().item(List.of()) : piecesOf(retired);
    }

    /** The newest retirements as of ledger seq {@code asOfSeq}. */
    public record Recent(long asOfSeq, List<RetiredPiece> pieces) {
    }

    /** One retired range with its retirement. */
    private record Retired(CreditsRetired event, BlockRange range) {
    }

    /**
     * A retired range, or the part of it that one of today's blocks holds, with that block's
     * authorization (and its cooperative approach) and corresponding-adjustment state, null when
     * the units are not authorized, and the first host of the units' project.
     */
    public record RetiredPiece(CreditsRetired event, BlockRange range, String authorizationId, String cooperativeApproachId,
                               String caState, String projectHost) {

        /** The piece's serial, naming the host when the units are in another line than the project's first host's. */
        public String serial() {
            return range.serial(PartyCode.parse(projectHost)).format();
        }
    }

    private Uni<List<RetiredPiece>> piecesOf(List<Retired> retired) {
        int n = retired.size();
        String[] hosts = new String[n];
        Integer[] vintages = new Integer[n];
        Long[] firsts = new Long[n];
        Long[] lasts = new Long[n];
        for (int i = 0; i < n; i++) {
            BlockRange r = retired.get(i).range();
            hosts[i] = r.hostParty().value();
            vintages[i] = r.vintage().year();
            firsts[i] = r.first();
            lasts[i] = r.last();
        }
        // Retired blocks keep their units, but a later corresponding adjustment may split them: one
        // piece per overlapping block, found through the block table's exclusion-constraint index.
        return pool.preparedQuery("SELECT r.i, greatest(b.first_unit, r.f) AS first, least(b.last_unit, r.l) AS last,"
                        + " b.authorization_id, a.cooperative_approach_id, b.ca_state, pr.host_party AS project_host"
                        + " FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[])"
                        + " WITH ORDINALITY AS r(h, v, f, l, i) JOIN block b ON b.host_party = r.h AND b.vintage = r.v"
                        + " AND int8range(b.first_unit, b.last_unit, '[]') && int8range(r.f, r.l, '[]')"
                        + " JOIN project pr ON pr.id = b.project_id"
                        + " LEFT JOIN unit_authorization a ON a.id = b.authorization_id"
                        + " ORDER BY r.i, first")
                .execute(Tuple.of(hosts, vintages, firsts, lasts))
                .map(rows -> {
                    List<RetiredPiece> pieces = new ArrayList<>();
                    for (Row row : rows) {
                        Retired r = retired.get(row.getLong("i").intValue() - 1);
                        BlockRange whole = r.range();
                        BlockRange piece = new BlockRange(whole.hostParty(), whole.vintage(), whole.projectId(),
                                whole.issuanceId(), whole.issuingRegistryId(), row.getLong("first"), row.getLong("last"));
                        pieces.add(new RetiredPiece(r.event(), piece, row.getString("authorization_id"),
                                row.getString("cooperative_approach_id"), row.getString("ca_state"),
                                row.getString("project_host")));
                    }
                    return pieces;
                });
    }
}
