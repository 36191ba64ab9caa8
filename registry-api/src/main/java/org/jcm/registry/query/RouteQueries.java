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
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.RouteJson;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/**
 * Reads the application route's tables (V67) on the reactive pool: applications as their audience
 * may see them ({@link RouteAudience}), monitoring cycles (public), with their reviews and cited
 * documents, and who may read a cited document. Each detail is read in one read-only transaction, so
 * the row, its reviews and its documents come from one snapshot.
 */
@ApplicationScoped
public class RouteQueries {

    /** The application list, keyed by id within its filter. */
    public static final ListKind APPLICATIONS = new ListKind("applications", 1);
    /** The monitoring cycle list, keyed by id within its filter. */
    public static final ListKind CYCLES = new ListKind("monitoring-cycles", 1);

    private static final String REVIEWS = "SELECT step, submitted_at, decided_at, verdict, decided_by_role,"
            + " decided_by_scope, decision_reference, reasons::text FROM cycle_review WHERE subject_id = $1 ORDER BY position";
    private static final String CITATIONS = "SELECT step, event_type, seq, sha256, kind, file_name, media_type, size"
            + " FROM document_citation WHERE subject_id = $1 ORDER BY seq, position";

    private final Pool pool;

    RouteQueries(Pool pool) {
        this.pool = pool;
    }

    /** A filter of the application list; null members do not filter; {@code mine} keeps the reader's own. */
    public record ApplicationFilter(String state, String host, String holder, boolean mine) {

        /** The filter as the scope of its cursors. */
        public String text() {
            return (state == null ? "" : state) + "/" + (host == null ? "" : host) + "/" + (holder == null ? "" : holder)
                    + "/" + mine;
        }
    }

    /** A filter of the monitoring cycle list; null members do not filter. */
    public record CycleFilter(String projectId, String state, String holder) {

        /** The filter as the scope of its cursors. */
        public String text() {
            return (projectId == null ? "" : projectId) + "/" + (state == null ? "" : state) + "/"
                    + (holder == null ? "" : holder);
        }
    }

    /** One page of the applications the reader may see, in id order. */
    public Uni<ListResponse<RouteJson.ApplicationSummary>> applications(RouteAudience reader, ApplicationFilter filter,
                                                                        PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + RouteRowsJson.APPLICATION + " FROM application a WHERE ");
        sql.append(filter.mine() ? reader.sees(params) : reader.visible(params));
        condition(sql, params, "a.state = ", filter.state());
        if (filter.host() != null) {
            params.add(filter.host());
            sql.append(" AND $").append(params.size()).append(" = ANY(string_to_array(a.host_parties, ';'))");
        }
        condition(sql, params, "a.holder = ", filter.holder());
        condition(sql, params, "a.id > ", page.after().map(after -> after.text(0)).orElse(null));
        params.add(page.fetchSize());
        sql.append(" ORDER BY a.id LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> Pages.of(list(rows, RouteRowsJson::applicationSummary), page,
                        a -> APPLICATIONS.cursor(a.id())));
    }

    /** The application, if the reader may see it, with its reviews and documents. */
    public Uni<Optional<RouteJson.ApplicationDetails>> application(RouteAudience reader, String id) {
        List<Object> params = new ArrayList<>(List.of(id));
        String sql = "SELECT " + RouteRowsJson.APPLICATION + " FROM application a WHERE a.id = $1 AND " + reader.visible(params);
        return pool.withTransaction(c -> c.preparedQuery(sql).execute(Tuple.from(params)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<RouteJson.ApplicationDetails>empty());
            }
            Row row = rows.iterator().next();
            return c.preparedQuery(REVIEWS).execute(Tuple.of(id)).chain(reviews -> c.preparedQuery(CITATIONS)
                    .execute(Tuple.of(id)).map(citations -> Optional.of(RouteRowsJson.applicationDetails(row,
                            list(citations, RouteRowsJson::citation), list(reviews, RouteRowsJson::review)))));
        }));
    }

    /** One page of monitoring cycles in id order (public). */
    public Uni<ListResponse<RouteJson.CycleSummary>> cycles(CycleFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + RouteRowsJson.CYCLE + " FROM monitoring_cycle m WHERE TRUE");
        condition(sql, params, "m.project_id = ", filter.projectId());
        condition(sql, params, "m.state = ", filter.state());
        condition(sql, params, "m.holder = ", filter.holder());
        condition(sql, params, "m.id > ", page.after().map(after -> after.text(0)).orElse(null));
        params.add(page.fetchSize());
        sql.append(" ORDER BY m.id LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> Pages.of(list(rows, RouteRowsJson::cycleSummary), page, m -> CYCLES.cursor(m.id())));
    }

    /** The monitoring cycle with its shares, reviews and documents. */
    public Uni<Optional<RouteJson.CycleDetails>> cycle(String id) {
        String sql = "SELECT " + RouteRowsJson.CYCLE + " FROM monitoring_cycle m WHERE m.id = $1";
        return pool.withTransaction(c -> c.preparedQuery(sql).execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Optional.<RouteJson.CycleDetails>empty());
            }
            Row row = rows.iterator().next();
            return c.preparedQuery(REVIEWS).execute(Tuple.of(id)).chain(reviews -> c.preparedQuery(CITATIONS)
                    .execute(Tuple.of(id)).map(citations -> Optional.of(RouteRowsJson.cycleDetails(row,
                            list(citations, RouteRowsJson::citation), list(reviews, RouteRowsJson::review)))));
        }));
    }

    /**
     * One line per citation of a document: its kind, whether the citing application is registered,
     * and whether the reader is in that application's audience.
     */
    public record CitingApplication(String kind, boolean registered, boolean readerSees) {
    }

    /** Every citation of the document {@code sha256}, as {@link CitingApplication}s. */
    public Uni<List<CitingApplication>> citing(String sha256, RouteAudience reader) {
        List<Object> params = new ArrayList<>(List.of(sha256));
        String sql = "SELECT c.kind, a.state = 'REGISTERED', COALESCE(" + reader.sees(params) + ", FALSE) FROM document_citation c"
                + " JOIN application a ON a.id = c.application_id WHERE c.sha256 = $1";
        return pool.preparedQuery(sql).execute(Tuple.from(params))
                .map(rows -> list(rows, r -> new CitingApplication(r.getString(0), r.getBoolean(1), r.getBoolean(2))));
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" AND ").append(column).append('$').append(params.size());
        }
    }

    private static <T> List<T> list(RowSet<Row> rows, java.util.function.Function<Row, T> map) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(map.apply(row));
        }
        return list;
    }
}
