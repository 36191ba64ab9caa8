package org.jcm.registry.disclosure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.persistence.Article6Reader.RetiredPiece;
import org.jcm.registry.persistence.StoredEventJson;

/**
 * The retirements made for an organization in a Japanese fiscal year: the one place that decides
 * which retirements an organization's disclosure statement and its published uses count
 * (docs/disclosure.md, "Which retirements are the organization's").
 *
 * <p>They are the first two lists of the organization's claim statement (docs/companies.md, "A
 * company's statement: three lists"): what it retired from its own accounts naming itself by id or
 * naming no one ({@link #RETIRED_FOR_ITSELF}), and what other organizations retired naming it by id
 * ({@link #RETIRED_BY_ANOTHER_NAMING_IT}). What it retired naming another organization or a stated
 * name, even its own, is someone else's claim and is never counted here.
 */
@ApplicationScoped
public class OrganizationRetirements {

    /** How a retirement from the organization's own account, naming itself or no one, is counted. */
    public static final String RETIRED_FOR_ITSELF = "RETIRED_FOR_ITSELF";

    /** How a retirement by another organization naming the organization by id is counted. */
    public static final String RETIRED_BY_ANOTHER_NAMING_IT = "RETIRED_BY_ANOTHER_NAMING_IT";

    private static final String RETIREMENT = "SELECT e.seq, e.event_json, o.id AS retiring_id, o.name AS retiring_name, '%s' AS how"
            + " FROM ledger_event e JOIN account a ON a.id = (e.event_json::jsonb) ->> 'fromAccountId'"
            + " JOIN organization o ON o.id = a.organization_id"
            + " WHERE e.type = 'CreditsRetired' AND e.at >= $2 AND e.at < $3 AND e.seq <= $4 AND %s";

    /**
     * The retirements for organization $1 applied in [$2, $3) up to ledger seq $4, with the retiring organization and
     * how each is the organization's, in ledger order. Each branch reads one of the partial indexes on retirements
     * (by retiring account, by beneficiary organization).
     */
    static final String FOR_ORGANIZATION = String.format(RETIREMENT, RETIRED_FOR_ITSELF,
            "a.organization_id = $1 AND ((e.event_json::jsonb) ->> 'beneficiaryOrganizationId' = $1"
                    + " OR ((e.event_json::jsonb) ->> 'beneficiaryOrganizationId' IS NULL"
                    + " AND (e.event_json::jsonb) ->> 'beneficiary' IS NULL))")
            + " UNION ALL " + String.format(RETIREMENT, RETIRED_BY_ANOTHER_NAMING_IT,
            "(e.event_json::jsonb) ->> 'beneficiaryOrganizationId' = $1 AND a.organization_id <> $1")
            + " ORDER BY seq";

    private final Pool pool;
    private final Article6Reader reader;

    OrganizationRetirements(Pool pool, Article6Reader reader) {
        this.pool = pool;
        this.reader = reader;
    }

    /** The retiring organization of a retirement and how the retirement is the organization's. */
    public record Origin(String retiringOrganizationId, String retiringOrganizationName, String how) {
    }

    /** A retired piece (a range, or the part one of today's blocks holds) with its origin. */
    public record Piece(RetiredPiece piece, Origin origin) {
    }

    /** The ledger's head: the seq of its last entry, 0 if none. */
    public Uni<Long> head() {
        return pool.query("SELECT coalesce(max(seq), 0) AS seq FROM ledger_event").execute()
                .map(rows -> rows.iterator().next().getLong("seq"));
    }

    /** The pieces retired for {@code organizationId} in {@code year} up to ledger seq {@code asOfSeq}, in ledger order. */
    public Uni<List<Piece>> of(String organizationId, FiscalYear year, long asOfSeq) {
        return pool.preparedQuery(FOR_ORGANIZATION).execute(Tuple.of(organizationId,
                        OffsetDateTime.ofInstant(year.start(), ZoneOffset.UTC), OffsetDateTime.ofInstant(year.end(), ZoneOffset.UTC),
                        asOfSeq))
                .chain(rows -> {
                    List<CreditsRetired> events = new ArrayList<>();
                    Map<Long, Origin> origins = new HashMap<>();
                    for (Row row : rows) {
                        events.add((CreditsRetired) StoredEventJson.decode(row.getString("event_json")));
                        origins.put(row.getLong("seq"), new Origin(row.getString("retiring_id"), row.getString("retiring_name"),
                                row.getString("how")));
                    }
                    return reader.pieces(events).map(pieces -> {
                        List<Piece> found = new ArrayList<>(pieces.size());
                        for (RetiredPiece p : pieces) {
                            found.add(new Piece(p, origins.get(p.event().seq())));
                        }
                        return found;
                    });
                });
    }
}
