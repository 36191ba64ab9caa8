package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.api.AllocationDetails;
import org.jcm.registry.api.IssuanceDetails;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.ProjectDetails;
import org.jcm.registry.api.ProjectParticipant;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/**
 * Reads registered projects with their participants and issuances. A page of projects takes three
 * statements (projects, participants, issuances with allocations) that run side by side; they need
 * no common snapshot because these rows are written once and never change, so a later statement
 * can only add issuances that a project really has.
 */
@ApplicationScoped
public class ProjectQueries {

    /** The project list, keyed by project id. */
    public static final ListKind PROJECTS = new ListKind("projects", 1);

    private static final String PROJECT_COLUMNS = "SELECT id, host_party, registry_id, title, methodology_id FROM project";
    private static final String ONE = PROJECT_COLUMNS + " WHERE id = $1";
    private static final String FIRST_PAGE = PROJECT_COLUMNS + " ORDER BY id LIMIT $1";
    private static final String PAGE_AFTER = PROJECT_COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2";
    private static final String PARTICIPANTS = "SELECT pp.project_id, pp.organization_id, o.name"
            + " FROM project_participant pp JOIN organization o ON o.id = pp.organization_id"
            + " WHERE pp.project_id = ANY($1) ORDER BY pp.project_id, pp.position";
    private static final String ISSUANCES = "SELECT i.id, i.seq, e.at, i.project_id, i.host_party, i.vintage,"
            + " i.monitoring_period_start, i.monitoring_period_end, i.total_quantity, i.issuance_request_id,"
            + " pa.cooperative_approach_id, ia.issuing_registry_id, ia.first_unit, ia.last_unit"
            + " FROM issuance i JOIN ledger_event e ON e.seq = i.seq JOIN party pa ON pa.code = i.host_party"
            + " JOIN issuance_allocation ia ON ia.issuance_id = i.id"
            + " WHERE i.project_id = ANY($1) ORDER BY i.seq, ia.position";

    private final Pool pool;

    ProjectQueries(Pool pool) {
        this.pool = pool;
    }

    /** One project, or empty if no project has this id. */
    public Uni<Optional<ProjectDetails>> project(String projectId) {
        return pool.preparedQuery(ONE).execute(Tuple.of(projectId))
                .chain(this::complete)
                .map(projects -> projects.stream().findFirst());
    }

    /** One page of projects by id. */
    public Uni<ListResponse<ProjectDetails>> projects(PageRequest page) {
        Uni<RowSet<Row>> rows = page.after()
                .map(after -> pool.preparedQuery(PAGE_AFTER).execute(Tuple.of(after.text(0), page.fetchSize())))
                .orElseGet(() -> pool.preparedQuery(FIRST_PAGE).execute(Tuple.of(page.fetchSize())));
        return rows.chain(this::complete).map(projects -> Pages.of(projects, page, p -> PROJECTS.cursor(p.id())));
    }

    /** Adds participants and issuances to project rows, keeping their order. */
    private Uni<List<ProjectDetails>> complete(RowSet<Row> projectRows) {
        if (projectRows.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = new String[projectRows.size()];
        int n = 0;
        for (Row row : projectRows) {
            ids[n++] = row.getString("id");
        }
        Uni<Map<String, List<ProjectParticipant>>> participants = pool.preparedQuery(PARTICIPANTS)
                .execute(Tuple.of(ids)).map(ProjectQueries::participants);
        Uni<Map<String, List<IssuanceDetails>>> issuances = pool.preparedQuery(ISSUANCES)
                .execute(Tuple.of(ids)).map(ProjectQueries::issuances);
        return Uni.combine().all().unis(participants, issuances).asTuple().map(both -> {
            List<ProjectDetails> projects = new ArrayList<>(projectRows.size());
            for (Row row : projectRows) {
                String id = row.getString("id");
                projects.add(new ProjectDetails(id, row.getString("host_party"), row.getString("registry_id"),
                        row.getString("title"), row.getString("methodology_id"),
                        both.getItem1().getOrDefault(id, List.of()), both.getItem2().getOrDefault(id, List.of())));
            }
            return projects;
        });
    }

    private static Map<String, List<ProjectParticipant>> participants(RowSet<Row> rows) {
        Map<String, List<ProjectParticipant>> byProject = new HashMap<>();
        for (Row row : rows) {
            byProject.computeIfAbsent(row.getString("project_id"), k -> new ArrayList<>())
                    .add(new ProjectParticipant(row.getString("organization_id"), row.getString("name")));
        }
        return byProject;
    }

    /** Groups issuance rows (one per allocation, by seq then position) into issuances per project. */
    private static Map<String, List<IssuanceDetails>> issuances(RowSet<Row> rows) {
        Map<String, Row> heads = new LinkedHashMap<>();
        Map<String, List<AllocationDetails>> allocations = new HashMap<>();
        for (Row row : rows) {
            String id = row.getString("id");
            heads.putIfAbsent(id, row);
            allocations.computeIfAbsent(id, k -> new ArrayList<>()).add(allocation(row));
        }
        Map<String, List<IssuanceDetails>> byProject = new HashMap<>();
        heads.forEach((id, row) -> byProject.computeIfAbsent(row.getString("project_id"), k -> new ArrayList<>())
                .add(new IssuanceDetails(id, row.getLong("seq"),
                        EventCodec.formatTime(row.getOffsetDateTime("at").toInstant()), row.getInteger("vintage"),
                        row.getLocalDate("monitoring_period_start").toString(),
                        row.getLocalDate("monitoring_period_end").toString(), row.getLong("total_quantity"),
                        row.getString("issuance_request_id"), allocations.get(id))));
        return byProject;
    }

    private static AllocationDetails allocation(Row row) {
        String projectId = row.getString("project_id");
        String host = row.getString("host_party");
        int vintage = row.getInteger("vintage");
        String registry = row.getString("issuing_registry_id");
        String ca = row.getString("cooperative_approach_id");
        long first = row.getLong("first_unit");
        long last = row.getLong("last_unit");
        return new AllocationDetails(registry, BlockRows.serial(projectId, vintage, first, last),
                BlockRows.itmoId(ca, registry, host, first, vintage), BlockRows.itmoId(ca, registry, host, last, vintage),
                first, last, last - first + 1);
    }
}
