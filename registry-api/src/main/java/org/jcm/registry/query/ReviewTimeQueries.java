package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jcm.registry.api.RouteJson;

/**
 * The review-time statistics of the application route (docs/project-cycle.md, "Review times"),
 * computed by PostgreSQL from {@code cycle_review}: per review step, host Party, year and financing
 * kind (and all kinds together), the reviews decided in the year with the median and the 90th
 * percentile (continuous, {@code percentile_cont}) of their days from submission to decision, rounded
 * to one decimal, and the reviews submitted in the year that are still open. A review of an
 * application with several hosts counts once for each host; a monitoring cycle's reviews count for
 * the hosts of its application.
 */
@ApplicationScoped
public class ReviewTimeQueries {

    private static final String REVIEWS = "WITH r AS (SELECT v.step, h.party, a.financing_kind AS financing,"
            + " v.decided_at IS NOT NULL AS decided,"
            + " EXTRACT(YEAR FROM COALESCE(v.decided_at, v.submitted_at) AT TIME ZONE 'UTC')::int AS year,"
            + " (EXTRACT(EPOCH FROM (v.decided_at - v.submitted_at)) / 86400)::float8 AS days"
            + " FROM cycle_review v JOIN application a ON a.id = v.application_id"
            + " CROSS JOIN LATERAL unnest(string_to_array(a.host_parties, ';')) AS h(party))"
            + " SELECT step, party, year, CASE WHEN GROUPING(financing) = 1 THEN 'ALL' ELSE financing END AS kind,"
            + " count(days), round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 1),"
            + " round((percentile_cont(0.9) WITHIN GROUP (ORDER BY days))::numeric, 1),"
            + " count(*) FILTER (WHERE NOT decided)"
            + " FROM r WHERE ($1::text IS NULL OR step = $1) AND ($2::text IS NULL OR party = $2)"
            + " AND ($3::int IS NULL OR year = $3)"
            + " GROUP BY GROUPING SETS ((step, party, year, financing), (step, party, year))"
            + " HAVING $4::text IS NULL OR (CASE WHEN GROUPING(financing) = 1 THEN 'ALL' ELSE financing END) = $4"
            + " ORDER BY array_position(ARRAY['PROJECT_IDEA', 'VALIDATION', 'REGISTRATION', 'VERIFICATION',"
            + " 'ISSUANCE_DECISION'], step), party, year, GROUPING(financing) DESC, financing";

    private final Pool pool;

    ReviewTimeQueries(Pool pool) {
        this.pool = pool;
    }

    /** The rows, filtered by step, host Party, year and financing ({@code ALL} for all kinds); null does not filter. */
    public Uni<RouteJson.ReviewTimes> reviewTimes(String step, String party, Integer year, String financing) {
        return pool.preparedQuery(REVIEWS).execute(Tuple.of(step, party, year, financing)).map(rows -> {
            List<RouteJson.ReviewTimeRow> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new RouteJson.ReviewTimeRow(r.getString(0), r.getString(1), r.getInteger(2), r.getString(3),
                        r.getLong(4), days(r.getBigDecimal(5)), days(r.getBigDecimal(6)), r.getLong(7)));
            }
            return new RouteJson.ReviewTimes(list);
        });
    }

    private static Double days(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
