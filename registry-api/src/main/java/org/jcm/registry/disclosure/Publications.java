package org.jcm.registry.disclosure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.security.RegistryScope;

/**
 * Organizations as the disclosure reads them, and their publications (table
 * {@code disclosure_publication}, migration V71): insert-only, so what is published stays published.
 */
@ApplicationScoped
public class Publications {

    /** What may be published. */
    public static final List<String> SCOPES = List.of("USES", "STATEMENT");

    private static final String ORGANIZATION = "SELECT o.id, o.name, o.registry_id, r.party FROM organization o"
            + " JOIN registry r ON r.id = o.registry_id WHERE o.id = $1";
    private static final String INSERT = "INSERT INTO disclosure_publication (organization_id, fiscal_year, scope,"
            + " published_by, published_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING";
    private static final String SELECT = "SELECT p.id, p.organization_id, o.name, p.fiscal_year, p.scope, p.published_at"
            + " FROM disclosure_publication p JOIN organization o ON o.id = p.organization_id";
    private static final String OF_YEAR = SELECT + " WHERE p.organization_id = $1 AND p.fiscal_year = $2 ORDER BY p.id";
    private static final String PAGE = SELECT + " WHERE p.id < $1 ORDER BY p.id DESC LIMIT $2";

    private final Pool pool;

    Publications(Pool pool) {
        this.pool = pool;
    }

    /** An organization with its registry and that registry's Party. */
    public record Org(String id, String name, RegistryScope scope) {
    }

    /** A stored publication. */
    public record Stored(long id, String organizationId, String organizationName, int fiscalYear, String scope,
                         Instant publishedAt) {
    }

    /** The organization with this id, if there is one. */
    public Uni<Optional<Org>> organization(String id) {
        return pool.preparedQuery(ORGANIZATION).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Org(r.getString("id"), r.getString("name"),
                    new RegistryScope(r.getString("registry_id"), r.getString("party"), r.getString("id"))));
        });
    }

    /** The publications of an organization's fiscal year, oldest first. */
    public Uni<List<Stored>> of(String organizationId, int fiscalYear) {
        return pool.preparedQuery(OF_YEAR).execute(Tuple.of(organizationId, fiscalYear)).map(Publications::stored);
    }

    /** Publishes (once; a repeat changes nothing) and answers the publication and whether it is new. */
    public Uni<Published> publish(String organizationId, int fiscalYear, String scope, String subject) {
        return pool.withTransaction(c -> c.preparedQuery(INSERT).execute(Tuple.of(organizationId, fiscalYear, scope, subject))
                .chain(inserted -> c.preparedQuery(OF_YEAR).execute(Tuple.of(organizationId, fiscalYear))
                        .map(rows -> new Published(stored(rows).stream().filter(p -> p.scope().equals(scope)).findFirst()
                                .orElseThrow(), inserted.rowCount() == 1))));
    }

    /** A publication and whether this request made it. */
    public record Published(Stored publication, boolean created) {
    }

    /** Up to {@code fetch} publications with an id below {@code beforeId}, newest first. */
    public Uni<List<Stored>> page(long beforeId, int fetch) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(beforeId, fetch)).map(Publications::stored);
    }

    private static List<Stored> stored(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Stored> list = new ArrayList<>(rows.size());
        for (Row r : rows) {
            list.add(new Stored(r.getLong("id"), r.getString("organization_id"), r.getString("name"), r.getInteger("fiscal_year"),
                    r.getString("scope"), r.getOffsetDateTime("published_at").toInstant()));
        }
        return list;
    }

    /** The publication as JSON, with the paths of what it makes public. */
    public static DisclosureJson.Publication json(Stored p) {
        String base = "/api/v1/organizations/" + p.organizationId();
        return new DisclosureJson.Publication(p.id(), new DisclosureJson.Organization(p.organizationId(), p.organizationName()),
                p.fiscalYear(), p.scope(), EventCodec.formatTime(p.publishedAt()),
                "/api/v1/publications/" + p.organizationId() + "/" + p.fiscalYear(),
                p.scope().equals("STATEMENT") ? base + "/disclosure/" + p.fiscalYear() : null);
    }
}
