package org.jcm.registry.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.state.Application;
import org.jcm.ledger.state.MonitoringCycle;
import org.jcm.registry.write.store.RouteRows;
import org.jcm.registry.write.store.RouteValues;

/**
 * The application route's read tables (V67) as {@code POST /ledger/verify} compares them: the
 * applications, monitoring cycles and reviews from the replayed state, the reviews' reasons and
 * decision references and the document citations from the replayed events ({@link RouteRows}).
 * Both sides take their values from {@link RouteValues}, as the writer does.
 */
final class RouteTables {

    private RouteTables() {
    }

    static final StateTable APPLICATION = new StateTable("application", List.of("id"), new boolean[] {false},
            RouteValues.APPLICATION_COLUMNS.subList(1, RouteValues.APPLICATION_COLUMNS.size()),
            s -> {
                List<Object[]> rows = new ArrayList<>();
                for (Application a : s.projectCycle().applications()) {
                    rows.add(RouteValues.application(a));
                }
                return rows;
            });

    static final StateTable MONITORING_CYCLE = new StateTable("monitoring_cycle", List.of("id"), new boolean[] {false},
            RouteValues.CYCLE_COLUMNS.subList(1, RouteValues.CYCLE_COLUMNS.size()),
            s -> {
                Map<ApplicationId, Application> applications = new HashMap<>();
                for (Application a : s.projectCycle().applications()) {
                    applications.put(a.id(), a);
                }
                List<Object[]> rows = new ArrayList<>();
                for (MonitoringCycle m : s.projectCycle().monitoringCycles()) {
                    rows.add(RouteValues.cycle(m, Optional.ofNullable(applications.get(m.applicationId()))));
                }
                return rows;
            });

    static final StateTable CYCLE_REVIEW = new StateTable("cycle_review", List.of("subject_id", "position"),
            new boolean[] {false, true}, reviewValueColumns(),
            (s, events) -> {
                List<Object[]> rows = new ArrayList<>();
                for (Application a : s.projectCycle().applications()) {
                    rows.addAll(RouteRows.reviewRows(a.id().value(), a.id().value(), a.reviews()));
                }
                for (MonitoringCycle m : s.projectCycle().monitoringCycles()) {
                    rows.addAll(RouteRows.reviewRows(m.id().value(), m.applicationId().value(), m.reviews()));
                }
                Map<String, RouteRows.Note> notes = events.latestNotes();
                List<Object[]> withNotes = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    RouteRows.Note note = notes.get(row[0] + "/" + row[1]);
                    Object[] full = java.util.Arrays.copyOf(row, row.length + 2);
                    full[row.length] = note == null ? null : note.decisionReference().orElse(null);
                    full[row.length + 1] = Json.write(note == null ? List.of() : note.reasons());
                    withNotes.add(full);
                }
                return withNotes;
            });

    static final StateTable DOCUMENT_CITATION = new StateTable("document_citation", List.of("seq", "position"),
            new boolean[] {true, true}, List.of("subject_id", "application_id", "step", "event_type", "sha256", "kind",
                    "file_name", "media_type", "size"),
            (s, events) -> {
                List<Object[]> rows = new ArrayList<>();
                for (RouteRows.Citation c : events.citations()) {
                    DocumentRef d = c.document();
                    rows.add(new Object[] {c.seq(), c.position(), c.subjectId(), c.applicationId(), c.step(), c.eventType(),
                        d.sha256(), d.kind(), d.fileName(), d.mediaType(), d.size()});
                }
                return rows;
            });

    static final List<StateTable> ALL = List.of(APPLICATION, MONITORING_CYCLE, CYCLE_REVIEW, DOCUMENT_CITATION);

    private static List<String> reviewValueColumns() {
        List<String> columns = new ArrayList<>(RouteValues.REVIEW_COLUMNS.subList(2, RouteValues.REVIEW_COLUMNS.size()));
        columns.add("decision_reference");
        columns.add("reasons");
        return List.copyOf(columns);
    }
}
