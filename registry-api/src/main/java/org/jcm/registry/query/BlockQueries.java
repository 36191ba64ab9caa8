package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.Label;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.paging.Cursor;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/**
 * Reads the public list of live blocks, filtered, in key order (host Party, vintage, first unit).
 *
 * <p>Each filter has an index that starts with it and continues with the key (migration V20). The
 * most selective filter given "leads": it is repeated as the first column of the keyset condition,
 * {@code (lead, host_party, vintage, first_unit) > (...)}, which only its index can serve. Without
 * that, PostgreSQL estimates a row comparison by its first column alone and may walk the primary
 * key past thousands of rows that other filters then drop.
 */
@ApplicationScoped
public class BlockQueries {

    /** The block list, keyed by host Party, vintage and first unit. */
    public static final ListKind BLOCKS = new ListKind("blocks", 3);

    private final Pool pool;

    BlockQueries(Pool pool) {
        this.pool = pool;
    }

    /** One page of the live blocks that match every present filter. */
    public Uni<ListResponse<BlockView>> blocks(BlockFilter filter, PageRequest page) {
        Statement statement = new Statement();
        String lead = null;
        if (filter.projectId().isPresent()) {
            lead = statement.condition("b.project_id", filter.projectId().get());
        }
        if (filter.registryId().isPresent()) {
            // The same expression as the index block_holder_registry, so that PostgreSQL can use it.
            String column = statement.condition("left(b.account_id, 5)", filter.registryId().get());
            lead = lead == null ? column : lead;
        }
        if (filter.vintage().isPresent()) {
            String column = statement.condition("b.vintage", (short) (int) filter.vintage().get());
            lead = lead == null ? column : lead;
        }
        if (filter.status().isPresent()) {
            // Written as a literal (an enum constant's name) so that the plan can prove the partial
            // index block_terminal's predicate, whatever the driver's statement caching does.
            BlockStatus status = filter.status().get();
            String column = statement.literal("b.status", status);
            lead = lead == null && status != BlockStatus.ACTIVE ? column : lead;
        }
        if (filter.label().isPresent()) {
            Label label = filter.label().get();
            String column = statement.literal("b.label", label);
            lead = lead == null && label != Label.NONE ? column : lead;
        }
        String leadColumn = lead;
        page.after().ifPresent(after -> statement.after(leadColumn, after));
        String sql = statement.sql(page.fetchSize());
        return pool.preparedQuery(sql).execute(Tuple.from(statement.parameters)).map(rows -> {
            List<BlockView> blocks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                blocks.add(BlockRows.view(row, true));
            }
            return Pages.of(blocks, page, b -> BLOCKS.cursor(b.hostParty(), b.vintage(), b.firstUnit()));
        });
    }

    /** The SQL of one block list request and its parameters, built filter by filter. */
    private static final class Statement {

        private final StringBuilder where = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();
        /** The value each filtered column was compared with, as SQL (a parameter or a literal). */
        private final Map<String, String> values = new HashMap<>();

        /** Adds {@code column = $n}; returns the column. */
        String condition(String column, Object value) {
            parameters.add(value);
            return add(column, "$" + parameters.size());
        }

        /** Adds {@code column = 'NAME'} for an enum constant, whose name is safe SQL text; returns the column. */
        String literal(String column, Enum<?> value) {
            return add(column, "'" + value.name() + "'");
        }

        private String add(String column, String value) {
            values.put(column, value);
            where.append(" AND ").append(column).append(" = ").append(value);
            return column;
        }

        /** Adds the keyset condition for the page after {@code cursor}, led by {@code lead} when given. */
        void after(String lead, Cursor cursor) {
            parameters.add(cursor.text(0));
            String host = "$" + parameters.size();
            parameters.add(AccountQueries.vintage(cursor.number(1)));
            String vintage = "$" + parameters.size();
            parameters.add(cursor.number(2));
            String first = "$" + parameters.size();
            if (lead == null) {
                where.append(" AND (b.host_party, b.vintage, b.first_unit) > (").append(host).append(", ")
                        .append(vintage).append(", ").append(first).append(')');
            } else if (lead.equals("b.vintage")) {
                // The vintage is fixed by the filter, so its index (vintage, host_party, first_unit) is the order.
                where.append(" AND (b.vintage, b.host_party, b.first_unit) > (").append(values.get(lead)).append(", ")
                        .append(host).append(", ").append(first).append(')');
            } else {
                where.append(" AND (").append(lead).append(", b.host_party, b.vintage, b.first_unit) > (")
                        .append(values.get(lead)).append(", ").append(host).append(", ").append(vintage).append(", ")
                        .append(first).append(')');
            }
        }

        String sql(int fetchSize) {
            parameters.add(fetchSize);
            return "SELECT " + BlockRows.COLUMNS + " FROM " + BlockRows.FROM + " WHERE true" + where
                    + " ORDER BY b.host_party, b.vintage, b.first_unit LIMIT $" + parameters.size();
        }
    }
}
