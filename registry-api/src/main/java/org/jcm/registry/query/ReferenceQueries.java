package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.registry.api.PartyResponse;
import org.jcm.registry.api.RegistryResponse;
import org.jcm.registry.entity.PartyEntity;
import org.jcm.registry.entity.RegistryEntity;

/**
 * Reads the reference data (Parties and hosted registries) as committed, through Hibernate
 * Reactive. Any instance answers the same, whether or not its writer holds the ledger lock.
 */
@ApplicationScoped
public class ReferenceQueries {

    // Codes and ids are fixed-width ASCII ([A-Z]{3}, [A-Z]{3}[0-9]{2}), so any collation orders them as Java does.
    private static final String PARTIES = "from PartyEntity p order by p.code";
    private static final String REGISTRIES = "from RegistryEntity r order by r.id";

    private final Mutiny.SessionFactory sessions;

    ReferenceQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Every Party, by alpha-3 code. */
    public Uni<List<PartyResponse>> parties() {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(PARTIES, PartyEntity.class)
                        .getResultList())
                .map(parties -> parties.stream().map(ReferenceQueries::party).toList());
    }

    /** One Party by alpha-3 code, or empty. */
    public Uni<java.util.Optional<PartyResponse>> party(String code) {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery("from PartyEntity p where p.code = :code",
                        PartyEntity.class).setParameter("code", code).getResultList())
                .map(parties -> parties.stream().map(ReferenceQueries::party).findFirst());
    }

    /** Every hosted registry, by id. */
    public Uni<List<RegistryResponse>> registries() {
        return ReadSessions.read(sessions, session -> session.createSelectionQuery(REGISTRIES, RegistryEntity.class)
                        .getResultList())
                .map(registries -> registries.stream().map(ReferenceQueries::registry).toList());
    }

    private static PartyResponse party(PartyEntity p) {
        return new PartyResponse(p.code(), p.iso2(), p.name(), p.jcmStatus(), p.parisAgreementParty(),
                p.cooperativeApproachId(), p.jcmSigningDate() == null ? null : p.jcmSigningDate().toString(),
                numbers(p.sectoralScopes()));
    }

    /** Scope numbers stored as {@code 1;3;7}. */
    static List<Integer> numbers(String stored) {
        return stored == null || stored.isEmpty() ? List.of()
                : java.util.Arrays.stream(stored.split(";")).map(Integer::valueOf).toList();
    }

    private static RegistryResponse registry(RegistryEntity r) {
        return new RegistryResponse(r.id(), r.party(), r.name(), r.cancellationAccountId(), r.retirementAccountId());
    }
}
