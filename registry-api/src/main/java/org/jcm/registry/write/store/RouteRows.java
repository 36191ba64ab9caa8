package org.jcm.registry.write.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.event.ApplicationReviewed;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.ApplicationWithdrawn;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.DesignSubmitted;
import org.jcm.ledger.event.IssuanceDecided;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.event.ParticipantChangeProposed;
import org.jcm.ledger.event.ParticipantsChanged;
import org.jcm.ledger.event.ProjectIdeaResubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.MonitoringCycle;
import org.jcm.ledger.state.ProjectCycleView;
import org.jcm.ledger.state.ReviewClock;

/**
 * The rows of the application route's read tables (V67) that events give: which applications and
 * monitoring cycles an event changed (their rows are then written whole from the state at the end
 * of the batch), the reasons and decision reference of each review event, and every document an
 * event cites. Filled by the writer before it folds each command, and by {@code POST /ledger/verify}
 * while it replays, so that both derive the event-only columns the same way.
 *
 * <p>A review event belongs to the review open in the state before it (the last review of its
 * application or cycle; the ledger accepts no review event while none is open). For a multi-host
 * Project Idea Note several confirmations fall on one review; the review's reasons and decision
 * reference are those of the latest, which is the one that decided it once it is decided.
 */
public final class RouteRows {

    /** The reasons and decision reference of a review event, for review {@code position} (from 1) of {@code subjectId}. */
    public record Note(String subjectId, int position, Optional<String> decisionReference, List<String> reasons) {
    }

    /** One document cited by an event: the event's seq and the document's place in its list (from 1). */
    public record Citation(long seq, int position, String subjectId, String applicationId, String step, String eventType,
                           DocumentRef document) {
    }

    final List<ApplicationId> touchedApplications = new ArrayList<>();
    final List<MonitoringCycleId> touchedCycles = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<Citation> citations = new ArrayList<>();
    /** The rows to write ({@link RouteValues}), taken from the state at the end of the batch ({@link #resolve}). */
    final List<Object[]> applications = new ArrayList<>();
    final List<Object[]> cycles = new ArrayList<>();
    final List<Object[]> reviews = new ArrayList<>();

    /** The lists that {@link BatchRows#mark()} and {@link BatchRows#resetToMark()} cover. */
    List<?>[] lists() {
        return new List<?>[] {touchedApplications, touchedCycles, notes, citations, applications, cycles, reviews};
    }

    /** The review notes gathered so far, in event order. */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** The citations gathered so far, in event order. */
    public List<Citation> citations() {
        return List.copyOf(citations);
    }

    /** The notes in force: per review, the latest, keyed {@code subjectId/position}. */
    public Map<String, Note> latestNotes() {
        Map<String, Note> latest = new LinkedHashMap<>();
        for (Note n : notes) {
            latest.put(n.subjectId() + "/" + n.position(), n);
        }
        return latest;
    }

    /** Adds what {@code event} gives, reading the state before it ({@code before}). */
    public void add(LedgerEvent event, LedgerState before) {
        ProjectCycleView cycle = before.projectCycle();
        if (event instanceof ApplicationSubmitted e) {
            application(e.applicationId(), e, "PROJECT_IDEA", e.idea().documents());
        } else if (event instanceof ProjectIdeaResubmitted e) {
            application(e.applicationId(), e, "PROJECT_IDEA", e.idea().documents());
        } else if (event instanceof DesignSubmitted e) {
            application(e.applicationId(), e, "VALIDATION", e.documents());
        } else if (event instanceof ApplicationReviewed e) {
            application(e.applicationId(), e, e.step().name(), e.documents());
            int position = cycle.application(e.applicationId()).map(a -> a.reviews().size()).orElse(1);
            notes.add(new Note(e.applicationId().value(), position, e.decisionReference(), e.reasons()));
        } else if (event instanceof ApplicationWithdrawn e) {
            touchedApplications.add(e.applicationId());
        } else if (event instanceof ParticipantChangeProposed e) {
            touchedApplications.add(e.applicationId());
        } else if (event instanceof ParticipantsChanged e) {
            touchedApplications.add(e.applicationId());
        } else {
            addCycleEvent(event, cycle);
        }
    }

    private void addCycleEvent(LedgerEvent event, ProjectCycleView cycle) {
        if (event instanceof MonitoringReportSubmitted e) {
            String application = cycle.applicationOf(e.projectId()).map(a -> a.id().value()).orElse("");
            cycle(e.monitoringCycleId(), application, e, "VERIFICATION", e.documents());
        } else if (event instanceof MonitoringReportReviewed e) {
            MonitoringCycle known = cycle.monitoringCycle(e.monitoringCycleId()).orElseThrow();
            cycle(e.monitoringCycleId(), known.applicationId().value(), e, "VERIFICATION", e.documents());
            notes.add(new Note(e.monitoringCycleId().value(), known.reviews().size(), Optional.empty(), e.reasons()));
        } else if (event instanceof IssuanceDecided e) {
            MonitoringCycle known = cycle.monitoringCycle(e.monitoringCycleId()).orElseThrow();
            cycle(e.monitoringCycleId(), known.applicationId().value(), e, "ISSUANCE_DECISION", e.documents());
            notes.add(new Note(e.monitoringCycleId().value(), known.reviews().size(), Optional.of(e.decisionReference()),
                    e.reasons()));
        } else if (event instanceof IssuanceRequested e && e.monitoringCycleId().isPresent()) {
            touchedCycles.add(e.monitoringCycleId().get());
        } else if (event instanceof CreditsIssued e && e.issuanceRequestId().isPresent()) {
            IssuanceRequestId request = e.issuanceRequestId().get();
            for (MonitoringCycle c : cycle.monitoringCycles()) {
                if (c.issuanceRequestId().filter(request::equals).isPresent()) {
                    touchedCycles.add(c.id());
                }
            }
        }
    }

    private void application(ApplicationId id, LedgerEvent event, String step, List<DocumentRef> documents) {
        touchedApplications.add(id);
        cite(event, id.value(), id.value(), step, documents);
    }

    private void cycle(MonitoringCycleId id, String applicationId, LedgerEvent event, String step, List<DocumentRef> documents) {
        touchedCycles.add(id);
        cite(event, id.value(), applicationId, step, documents);
    }

    private void cite(LedgerEvent event, String subjectId, String applicationId, String step, List<DocumentRef> documents) {
        for (int i = 0; i < documents.size(); i++) {
            citations.add(new Citation(event.seq(), i + 1, subjectId, applicationId, step, event.type(), documents.get(i)));
        }
    }

    /** Takes the rows of every application and cycle the batch changed from {@code state}, its state at the end of the batch. */
    void resolve(LedgerState state) {
        ProjectCycleView view = state.projectCycle();
        touchedApplications.stream().distinct().forEach(id -> view.application(id).ifPresent(a -> {
            applications.add(RouteValues.application(a));
            reviews.addAll(reviewRows(a.id().value(), a.id().value(), a.reviews()));
        }));
        touchedCycles.stream().distinct().forEach(id -> view.monitoringCycle(id).ifPresent(m -> {
            cycles.add(RouteValues.cycle(m, view.application(m.applicationId())));
            reviews.addAll(reviewRows(m.id().value(), m.applicationId().value(), m.reviews()));
        }));
    }

    /** The review rows of one application or cycle, numbered from 1. */
    public static List<Object[]> reviewRows(String subject, String application, List<ReviewClock> clocks) {
        List<Object[]> rows = new ArrayList<>(clocks.size());
        for (int i = 0; i < clocks.size(); i++) {
            rows.add(RouteValues.review(subject, i + 1, application, clocks.get(i)));
        }
        return rows;
    }

    /** Whether the batch has rows for these tables. */
    boolean has() {
        return !applications.isEmpty() || !cycles.isEmpty() || !notes.isEmpty() || !citations.isEmpty();
    }

    void clear() {
        for (List<?> list : lists()) {
            list.clear();
        }
    }
}
