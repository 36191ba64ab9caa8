package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jcm.registry.api.DirectoryJson.AccountItem;
import org.jcm.registry.api.DirectoryJson.IssuanceRequestItem;
import org.jcm.registry.api.DirectoryJson.OrganizationItem;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.security.Reach;

/**
 * The directory lists (docs/api.md, "Daily work"): the organizations and accounts of a registry or a
 * Party, and an organization's issuance requests with their state, each keyset-paged by id. Access is
 * decided before these run; a {@link Reach} says which registries the caller covers.
 */
@ApplicationScoped
public class DirectoryQueries {

    /** Organizations by id. */
    public static final ListKind ORGANIZATIONS = new ListKind("organizations", 1);
    /** Accounts by id. */
    public static final ListKind ACCOUNTS = new ListKind("accounts", 1);
    /** One organization's issuance requests by id. */
    public static final ListKind ISSUANCE_REQUESTS = new ListKind("issuance-requests", 1);

    private static final String ORGANIZATIONS_SQL = "SELECT o.id, o.registry_id, r.party, o.name,"
            + " (SELECT count(*) FROM account a WHERE a.organization_id = o.id) AS accounts"
            + " FROM organization o JOIN registry r ON r.id = o.registry_id"
            + " WHERE ($1::text IS NULL OR o.registry_id = $1) AND ($2::text IS NULL OR r.party = $2)"
            + " AND ($3::text IS NULL OR starts_with(lower(o.name), lower($3))) AND o.id > $4 ORDER BY o.id LIMIT $5";
    private static final String ACCOUNTS_SQL = "SELECT a.id, a.registry_id, a.organization_id, a.type, a.name, a.status,"
            + " a.frozen FROM account a JOIN registry r ON r.id = a.registry_id"
            + " WHERE ($1::text IS NULL OR a.registry_id = $1) AND ($2::text IS NULL OR r.party = $2)"
            + " AND ($3::text IS NULL OR a.organization_id = $3) AND ($4::text IS NULL OR a.type = $4)"
            + " AND ($5::text IS NULL OR a.status = $5) AND ($6::boolean IS NULL OR a.frozen = $6)"
            + " AND ($7::text IS NULL OR starts_with(lower(a.name), lower($7))) AND a.id > $8 ORDER BY a.id LIMIT $9";
    private static final String ISSUANCE_REQUESTS_SQL = "SELECT ir.id, ir.project_id, ir.monitoring_period_start,"
            + " ir.monitoring_period_end, ir.verified_quantity, ir.issued_quantity, m.id AS cycle_id, m.state"
            + " FROM issuance_request ir LEFT JOIN monitoring_cycle m ON m.issuance_request_id = ir.id"
            + " WHERE ir.organization_id = $1 AND ir.id > $2 ORDER BY ir.id LIMIT $3";

    /** The filters of {@code GET /organizations}; null means no filter. */
    public record OrganizationFilter(String namePrefix) {
    }

    /** The filters of {@code GET /accounts}; null means no filter. */
    public record AccountFilter(String organizationId, String type, String status, Boolean frozen, String namePrefix) {
    }

    private final Pool pool;

    DirectoryQueries(Pool pool) {
        this.pool = pool;
    }

    /** One page of the organizations in reach. */
    public Uni<ListResponse<OrganizationItem>> organizations(Reach reach, OrganizationFilter filter, PageRequest page) {
        Tuple tuple = Tuple.tuple().addString(reach.registryId()).addString(reach.party()).addString(filter.namePrefix())
                .addString(after(page)).addInteger(page.fetchSize());
        return pool.preparedQuery(ORGANIZATIONS_SQL).execute(tuple).map(rows -> {
            List<OrganizationItem> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(new OrganizationItem(row.getString("id"), row.getString("registry_id"), row.getString("party"),
                        row.getString("name"), row.getLong("accounts")));
            }
            return Pages.of(items, page, o -> ORGANIZATIONS.cursor(o.id()));
        });
    }

    /** One page of the accounts in reach. */
    public Uni<ListResponse<AccountItem>> accounts(Reach reach, AccountFilter filter, PageRequest page) {
        Tuple tuple = Tuple.tuple().addString(reach.registryId()).addString(reach.party()).addString(filter.organizationId())
                .addString(filter.type()).addString(filter.status()).addBoolean(filter.frozen())
                .addString(filter.namePrefix()).addString(after(page)).addInteger(page.fetchSize());
        return pool.preparedQuery(ACCOUNTS_SQL).execute(tuple).map(rows -> {
            List<AccountItem> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(new AccountItem(row.getString("id"), row.getString("registry_id"), row.getString("organization_id"),
                        row.getString("type"), row.getString("name"), row.getString("status"), row.getBoolean("frozen")));
            }
            return Pages.of(items, page, a -> ACCOUNTS.cursor(a.id()));
        });
    }

    /** One page of an organization's issuance requests, each with the state of the monitoring cycle it was made on. */
    public Uni<ListResponse<IssuanceRequestItem>> issuanceRequests(String organizationId, PageRequest page) {
        return pool.preparedQuery(ISSUANCE_REQUESTS_SQL).execute(Tuple.of(organizationId, after(page), page.fetchSize()))
                .map(rows -> {
                    List<IssuanceRequestItem> items = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        long verified = row.getLong("verified_quantity");
                        long issued = row.getLong("issued_quantity");
                        items.add(new IssuanceRequestItem(row.getString("id"), row.getString("project_id"),
                                row.getString("cycle_id"), row.getLocalDate("monitoring_period_start").toString(),
                                row.getLocalDate("monitoring_period_end").toString(), verified, issued,
                                state(row.getString("state"), verified, issued)));
                    }
                    return Pages.of(items, page, r -> ISSUANCE_REQUESTS.cursor(r.id()));
                });
    }

    /**
     * A request's state: its monitoring cycle's, named for the request; a request made before the
     * route (no cycle) is ISSUED once everything verified was issued and REQUESTED before.
     */
    static String state(String cycleState, long verified, long issued) {
        if (cycleState == null) {
            return issued >= verified ? "ISSUED" : "REQUESTED";
        }
        if (cycleState.equals("ISSUANCE_DECIDED")) {
            return "DECIDED";
        }
        if (cycleState.equals("ISSUED") || cycleState.equals("REJECTED")) {
            return cycleState;
        }
        return "REQUESTED";
    }

    private static String after(PageRequest page) {
        return page.after().map(c -> c.text(0)).orElse("");
    }
}
