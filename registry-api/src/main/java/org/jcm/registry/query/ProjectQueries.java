package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.api.AllocationDetails;
import org.jcm.registry.api.IssuanceDetails;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.ProjectDetails;
import org.jcm.registry.api.ProjectParticipant;
import org.jcm.registry.entity.IssuanceAllocationEntity;
import org.jcm.registry.entity.IssuanceEntity;
import org.jcm.registry.entity.ProjectEntity;
import org.jcm.registry.entity.ProjectParticipantEntity;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/**
 * Reads registered projects with their participants and issuances, through Hibernate Reactive. A
 * page of projects takes three statements in one session: the projects, then the participants and
 * the issuances (with their allocations) of the page's range of project ids. A page is a contiguous
 * range in id order, so the range selects exactly its projects, and the statements keep one shape
 * whatever the page size (the primary key of {@code project_participant} and the unique decision
 * key of {@code issuance} both start with {@code project_id}). They need no common snapshot
 * because these rows are written once and never change, so a later statement can only add
 * issuances that a project really has.
 */
@ApplicationScoped
public class ProjectQueries {

    /** The project list, keyed by project id. */
    public static final ListKind PROJECTS = new ListKind("projects", 1);

    private static final String ONE = "from ProjectEntity p where p.id = :id";
    private static final String FIRST_PAGE = "from ProjectEntity p order by p.id";
    private static final String PAGE_AFTER = "from ProjectEntity p where p.id > :after order by p.id";
    private static final String PARTICIPANTS = "select pp from ProjectParticipantEntity pp join fetch pp.organization"
            + " where pp.projectId between :first and :last order by pp.projectId, pp.position";
    // Allocations come in allocation order (@OrderBy on the collection), after the issuances' seq.
    private static final String ISSUANCES = "select i from IssuanceEntity i join fetch i.host"
            + " left join fetch i.allocations where i.projectId between :first and :last order by i.seq";

    private final Mutiny.SessionFactory sessions;

    ProjectQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** One project, or empty if no project has this id. */
    public Uni<Optional<ProjectDetails>> project(String projectId) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(ONE, ProjectEntity.class)
                        .setParameter("id", projectId)
                        .getResultList()
                        .chain(projects -> complete(session, projects)))
                .map(projects -> projects.stream().findFirst());
    }

    /** One page of projects by id. */
    public Uni<ListResponse<ProjectDetails>> projects(PageRequest page) {
        return ReadSessions.read(sessions, session -> page.after()
                        .map(after -> session.createSelectionQuery(PAGE_AFTER, ProjectEntity.class)
                                .setParameter("after", after.text(0)))
                        .orElseGet(() -> session.createSelectionQuery(FIRST_PAGE, ProjectEntity.class))
                        .setMaxResults(page.fetchSize())
                        .getResultList()
                        .chain(projects -> complete(session, projects)))
                .map(projects -> Pages.of(projects, page, p -> PROJECTS.cursor(p.id())));
    }

    /** Adds participants and issuances to projects in id order, keeping their order. */
    private static Uni<List<ProjectDetails>> complete(Mutiny.Session session, List<ProjectEntity> projects) {
        if (projects.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String first = projects.get(0).id();
        String last = projects.get(projects.size() - 1).id();
        // One session runs one statement at a time, so the two follow each other.
        return session.createSelectionQuery(PARTICIPANTS, ProjectParticipantEntity.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList()
                .chain(participants -> session.createSelectionQuery(ISSUANCES, IssuanceEntity.class)
                        .setParameter("first", first)
                        .setParameter("last", last)
                        .getResultList()
                        .map(issuances -> {
                            Map<String, List<ProjectParticipant>> participantsByProject = participants(participants);
                            Map<String, String> firstHosts = new HashMap<>();
                            for (ProjectEntity p : projects) {
                                firstHosts.put(p.id(), p.hostParty());
                            }
                            Map<String, List<IssuanceDetails>> issuancesByProject = issuances(issuances, firstHosts);
                            List<ProjectDetails> details = new ArrayList<>(projects.size());
                            for (ProjectEntity p : projects) {
                                details.add(new ProjectDetails(p.id(), p.hostParty(), p.registryId(), p.title(),
                                        p.methodologyId(), participantsByProject.getOrDefault(p.id(), List.of()),
                                        issuancesByProject.getOrDefault(p.id(), List.of())));
                            }
                            return details;
                        }));
    }

    private static Map<String, List<ProjectParticipant>> participants(List<ProjectParticipantEntity> participants) {
        Map<String, List<ProjectParticipant>> byProject = new HashMap<>();
        for (ProjectParticipantEntity pp : participants) {
            byProject.computeIfAbsent(pp.projectId(), k -> new ArrayList<>())
                    .add(new ProjectParticipant(pp.organizationId(), pp.organization().name()));
        }
        return byProject;
    }

    /**
     * Issuances (in seq order) per project, each with its allocations in allocation order; {@code firstHosts} are the
     * projects' first hosts, by project id, which name the serials of another host's numbering line.
     */
    private static Map<String, List<IssuanceDetails>> issuances(List<IssuanceEntity> issuances,
                                                                Map<String, String> firstHosts) {
        Map<String, List<IssuanceDetails>> byProject = new HashMap<>();
        for (IssuanceEntity i : issuances) {
            List<AllocationDetails> allocations = new ArrayList<>(i.allocations().size());
            for (IssuanceAllocationEntity a : i.allocations()) {
                allocations.add(allocation(i, a, firstHosts.get(i.projectId())));
            }
            byProject.computeIfAbsent(i.projectId(), k -> new ArrayList<>())
                    .add(new IssuanceDetails(i.id(), i.seq(), EventCodec.formatTime(i.issuedAt()), i.vintage(),
                            i.monitoringPeriodStart().toString(), i.monitoringPeriodEnd().toString(),
                            i.totalQuantity(), i.issuanceRequestId(), allocations));
        }
        return byProject;
    }

    private static AllocationDetails allocation(IssuanceEntity i, IssuanceAllocationEntity a, String projectHost) {
        String registry = a.issuingRegistryId();
        String ca = i.host().cooperativeApproachId();
        long first = a.firstUnit();
        long last = a.lastUnit();
        String serial = BlockRows.serial(i.projectId(), projectHost, i.hostParty(), i.vintage(), first, last);
        return new AllocationDetails(registry, serial,
                BlockRows.itmoId(ca, registry, i.hostParty(), first, i.vintage()),
                BlockRows.itmoId(ca, registry, i.hostParty(), last, i.vintage()), first, last, last - first + 1);
    }
}
