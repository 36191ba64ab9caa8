package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.MethodologyResponse;
import org.jcm.registry.api.ThirdPartyEntityResponse;
import org.jcm.registry.entity.MethodologyEntity;
import org.jcm.registry.entity.ThirdPartyEntityEntity;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;

/** Reads the registry of methodologies and the accredited third-party entities, through Hibernate Reactive. */
@ApplicationScoped
public class CycleQueries {

    /** The methodology list, keyed by id (within its filter). */
    public static final ListKind METHODOLOGIES = new ListKind("methodologies", 1);
    /** The third-party entity list, keyed by id. */
    public static final ListKind THIRD_PARTY_ENTITIES = new ListKind("third-party-entities", 1);

    private final Mutiny.SessionFactory sessions;

    CycleQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** A filter of the methodology list; null members do not filter. */
    public record MethodologyFilter(String host, Integer scope, String status) {

        /** The filter as the scope of its cursors, so that a cursor of one filter is refused by another. */
        public String text() {
            return (host == null ? "" : host) + "/" + (scope == null ? "" : scope) + "/" + (status == null ? "" : status);
        }
    }

    /** One page of methodologies in id order. */
    public Uni<ListResponse<MethodologyResponse>> methodologies(MethodologyFilter filter, PageRequest page) {
        StringBuilder hql = new StringBuilder("from MethodologyEntity m where 1 = 1");
        if (filter.host() != null) {
            hql.append(" and m.hostParty = :host");
        }
        if (filter.scope() != null) {
            hql.append(" and m.sectoralScope = :scope");
        }
        if (filter.status() != null) {
            hql.append(" and m.status = :status");
        }
        page.after().ifPresent(after -> hql.append(" and m.id > :after"));
        hql.append(" order by m.id");
        return ReadSessions.read(sessions, session -> {
            Mutiny.SelectionQuery<MethodologyEntity> query = session.createSelectionQuery(hql.toString(), MethodologyEntity.class);
            if (filter.host() != null) {
                query.setParameter("host", filter.host());
            }
            if (filter.scope() != null) {
                query.setParameter("scope", filter.scope().shortValue());
            }
            if (filter.status() != null) {
                query.setParameter("status", filter.status());
            }
            page.after().ifPresent(after -> query.setParameter("after", after.text(0)));
            return query.setMaxResults(page.fetchSize()).getResultList();
        }).map(rows -> Pages.of(rows.stream().map(CycleQueries::methodology).toList(), page,
                m -> METHODOLOGIES.cursor(m.id())));
    }

    /** One methodology, or empty. */
    public Uni<Optional<MethodologyResponse>> methodology(String id) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery("from MethodologyEntity m where m.id = :id",
                        MethodologyEntity.class).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(CycleQueries::methodology).findFirst());
    }

    /** One page of third-party entities in id order. */
    public Uni<ListResponse<ThirdPartyEntityResponse>> thirdPartyEntities(PageRequest page) {
        return ReadSessions.read(sessions, session -> page.after()
                        .map(after -> session.createSelectionQuery("from ThirdPartyEntityEntity t where t.id > :after"
                                + " order by t.id", ThirdPartyEntityEntity.class).setParameter("after", after.text(0)))
                        .orElseGet(() -> session.createSelectionQuery("from ThirdPartyEntityEntity t order by t.id",
                                ThirdPartyEntityEntity.class))
                        .setMaxResults(page.fetchSize())
                        .getResultList())
                .map(rows -> Pages.of(rows.stream().map(CycleQueries::entity).toList(), page,
                        t -> THIRD_PARTY_ENTITIES.cursor(t.id())));
    }

    /** One third-party entity, or empty. */
    public Uni<Optional<ThirdPartyEntityResponse>> thirdPartyEntity(String id) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(
                        "from ThirdPartyEntityEntity t where t.id = :id", ThirdPartyEntityEntity.class)
                        .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(CycleQueries::entity).findFirst());
    }

    private static MethodologyResponse methodology(MethodologyEntity m) {
        return new MethodologyResponse(m.id(), m.hostParty(), m.title(), m.sectoralScope(), m.version(), m.status(),
                m.maxMonitoringDays(), m.sameEntityMayVerify());
    }

    private static ThirdPartyEntityResponse entity(ThirdPartyEntityEntity t) {
        return new ThirdPartyEntityResponse(t.id(), t.name(), ReferenceQueries.numbers(t.sectoralScopes()),
                Arrays.asList(t.hostParties().split(";")), t.status());
    }
}
