package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.registry.api.AccountSummary;
import org.jcm.registry.api.OrganizationDetails;
import org.jcm.registry.entity.OrganizationEntity;
import org.jcm.registry.security.RegistryScope;

/** Reads organizations with their accounts, through Hibernate Reactive. */
@ApplicationScoped
public class OrganizationQueries {

    // One statement: the organization, its registry (for the Party of the scope) and its accounts by id.
    private static final String DETAILS = "select o from OrganizationEntity o join fetch o.registry"
            + " left join fetch o.accounts where o.id = :id";

    private final Mutiny.SessionFactory sessions;

    OrganizationQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** An organization with its accounts by id, or empty if there is no such organization. */
    public Uni<Optional<Scoped<OrganizationDetails>>> details(String organizationId) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(DETAILS, OrganizationEntity.class)
                        .setParameter("id", organizationId)
                        .getSingleResultOrNull())
                .map(organization -> Optional.ofNullable(organization).map(OrganizationQueries::details));
    }

    private static Scoped<OrganizationDetails> details(OrganizationEntity o) {
        RegistryScope scope = new RegistryScope(o.registryId(), o.registry().party(), o.id());
        return new Scoped<>(scope, new OrganizationDetails(o.id(), o.registryId(), o.name(), o.accounts().stream()
                .map(a -> new AccountSummary(a.id(), a.type(), a.name(), a.status(), a.frozen()))
                .toList()));
    }
}
