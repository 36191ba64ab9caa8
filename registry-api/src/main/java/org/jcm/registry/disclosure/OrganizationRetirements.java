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
 * <p>Today that is every retirement made from one of the organization's own accounts
 * ({@link #FOR_ORGANIZATION}, how {@code RETIRED_FROM_OWN_ACCOUNT}). Retirements made by others
 * naming the organization by id are added here, as a second branch of the query with its own
 * {@code how}, once retirements carry a registered beneficiary.
 */
@ApplicationScoped
public class OrganizationRetirements {

    /** How a retirement made from one of the organization's own accounts is counted. */
    public static final String RETIRED_FROM_OWN_ACCOUNT = "RETIRED_FROM_OWN_ACCOUNT";

    /**
     * The retirements for organization $1 applied in [$2, $3) up to ledger seq $4, with the retiring organization and
     * how each is the organization's, in ledger order.
     */
    static final String FOR_ORGANIZATION = "SELECT e.seq, e.event_json, o.id AS retiring_id, o.name AS retiring_name,"
            + " '" + RETIRED_FROM_OWN_ACCOUNT + "' AS how"
            + " FROM account a JOIN organization o ON o.id = a.organization_id"
            + " JOIN ledger_event e ON e.type = 'CreditsRetired' AND ((e.event_json::jsonb) ->> 'fromAccountId') = a.id"
            + " AND e.at >= $2 AND e.at < $3 AND e.seq <= $4"
            + " WHERE a.organization_id = $1 ORDER BY e.seq";

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
                    return reader.piecesOf(events).map(pieces -> {
                        List<Piece> found = new ArrayList<>(pieces.size());
                        for (RetiredPiece p : pieces) {
                            found.add(new Piece(p, origins.get(p.event().seq())));
                        }
                        return found;
                    });
                });
    }
}
