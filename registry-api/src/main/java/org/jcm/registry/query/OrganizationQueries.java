package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.registry.api.AccountSummary;
import org.jcm.registry.api.OrganizationDetails;
import org.jcm.registry.security.RegistryScope;

/** Reads organizations with their accounts. */
@ApplicationScoped
public class OrganizationQueries {

    private static final String DETAILS = "SELECT o.id, o.registry_id, r.party, o.name,"
            + " a.id AS account_id, a.type, a.name AS account_name, a.status, a.frozen"
            + " FROM organization o JOIN registry r ON r.id = o.registry_id"
            + " LEFT JOIN account a ON a.organization_id = o.id"
            + " WHERE o.id = $1 ORDER BY a.id";

    private final Pool pool;

    OrganizationQueries(Pool pool) {
        this.pool = pool;
    }

    /** An organization with its accounts by id, or empty if there is no such organization. */
    public Uni<Optional<Scoped<OrganizationDetails>>> details(String organizationId) {
        return pool.preparedQuery(DETAILS).execute(Tuple.of(organizationId)).map(OrganizationQueries::details);
    }

    private static Optional<Scoped<OrganizationDetails>> details(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<AccountSummary> accounts = new ArrayList<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            if (row.getString("account_id") != null) {
                accounts.add(new AccountSummary(row.getString("account_id"), row.getString("type"),
                        row.getString("account_name"), row.getString("status"), row.getBoolean("frozen")));
            }
        }
        String id = first.getString("id");
        RegistryScope scope = new RegistryScope(first.getString("registry_id"), first.getString("party"), id);
        return Optional.of(new Scoped<>(scope, new OrganizationDetails(id, scope.registryId(), first.getString("name"),
                accounts)));
    }
}
