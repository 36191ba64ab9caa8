package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * The project cycle as the ledger knows it, read from the live state: methodologies,
 * third-party entities, project applications and monitoring cycles. Every answer is immutable (the values are records) and lists are sorted
 * by id.
 */
public final class ProjectCycleView {

    private final LedgerData data;

    ProjectCycleView(LedgerData data) {
        this.data = data;
    }

    public Optional<Methodology> methodology(MethodologyId id) {
        return Optional.ofNullable(data.methodologies.get(id));
    }

    public List<Methodology> methodologies() {
        List<Methodology> list = new ArrayList<>(data.methodologies.values());
        list.sort(Comparator.comparing(m -> m.id().value()));
        return List.copyOf(list);
    }

    public Optional<ThirdPartyEntity> thirdPartyEntity(ThirdPartyEntityId id) {
        return Optional.ofNullable(data.thirdPartyEntities.get(id));
    }

    public List<ThirdPartyEntity> thirdPartyEntities() {
        List<ThirdPartyEntity> list = new ArrayList<>(data.thirdPartyEntities.values());
        list.sort(Comparator.comparing(ThirdPartyEntity::id));
        return List.copyOf(list);
    }

    public Optional<Application> application(ApplicationId id) {
        return Optional.ofNullable(data.applications.get(id));
    }

    /** Every application, sorted by id (the order they were submitted in). */
    public List<Application> applications() {
        List<Application> list = new ArrayList<>(data.applications.values());
        list.sort(Comparator.comparing(Application::id));
        return List.copyOf(list);
    }

    /** The application a project registered on the route comes from (empty for a project registered before the route). */
    public Optional<Application> applicationOf(ProjectId project) {
        ApplicationId id = data.projectApplications.get(project);
        return id == null ? Optional.empty() : Optional.of(data.applications.get(id));
    }

    public Optional<MonitoringCycle> monitoringCycle(org.jcm.ledger.id.MonitoringCycleId id) {
        return Optional.ofNullable(data.monitoringCycles.get(id));
    }

    /** Every monitoring cycle, sorted by id (the order their first reports were submitted in). */
    public List<MonitoringCycle> monitoringCycles() {
        List<MonitoringCycle> list = new ArrayList<>(data.monitoringCycles.values());
        list.sort(Comparator.comparing(c -> c.id().value()));
        return List.copyOf(list);
    }

    /** Everything of the project cycle, sorted, as one comparable value. */
    public ProjectCycleSnapshot snapshot() {
        return new ProjectCycleSnapshot(methodologies(), thirdPartyEntities(), applications(), monitoringCycles());
    }
}
