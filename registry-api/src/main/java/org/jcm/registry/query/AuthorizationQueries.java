package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.registry.api.AuthorizationJson;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.UnitRangeJson;
import org.jcm.registry.entity.AuthorizationEntity;
import org.jcm.registry.entity.AuthorizationVersionEntity;
import org.jcm.registry.entity.FirstTransferEntity;
import org.jcm.registry.entity.ProjectEntity;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.persistence.StoredEventJson;

/**
 * Reads Article 6.2 authorizations through Hibernate Reactive: pages of their current terms, and
 * one authorization with every version, its first transfers and its revocation. The units each
 * version, first transfer or revocation named are read from its stored event, whose JSON is
 * authoritative, so they are spelled exactly as the ledger spells them.
 */
@ApplicationScoped
public class AuthorizationQueries {

    private static final String PAGE = "from AuthorizationEntity a where a.id > :after order by a.id";
    private static final String PARTY_PAGE = "from AuthorizationEntity a where a.party = :party and a.id > :after"
            + " order by a.id";
    private static final String VERSIONS = "select v from AuthorizationVersionEntity v join fetch v.event"
            + " where v.authorizationId = :id order by v.version";
    // Index first_transfer_authorization.
    private static final String FIRST_TRANSFERS = "select f from FirstTransferEntity f join fetch f.event"
            + " where f.authorizationId = :id order by f.seq";
    // The date and reason of a revocation live only in its event. SQL rather than HQL, so that the
    // condition is exactly the expression of the partial index ledger_event_revocation.
    private static final String PROJECTS = "from ProjectEntity p where p.id in :ids";
    private static final String REVOCATION = "SELECT event_json FROM ledger_event WHERE type = 'AuthorizationRevoked'"
            + " AND (CAST(event_json AS jsonb) ->> 'authorizationId') = :id";

    private final Mutiny.SessionFactory sessions;

    AuthorizationQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The authorization list: its cursors carry the last id of a page. */
    public static final ListKind AUTHORIZATIONS = new ListKind("authorizations", 1);

    /** A page of authorizations in id order after the page's cursor, of one Party if given. */
    public Uni<ListResponse<AuthorizationJson>> authorizations(Optional<String> party, PageRequest page) {
        String after = page.after().map(cursor -> cursor.text(0)).orElse("");
        int limit = page.limit();
        return ReadSessions.read(sessions, session -> party
                        .map(p -> session.createSelectionQuery(PARTY_PAGE, AuthorizationEntity.class).setParameter("party", p))
                        .orElseGet(() -> session.createSelectionQuery(PAGE, AuthorizationEntity.class))
                        .setParameter("after", after)
                        .setMaxResults(limit + 1)
                        .getResultList())
                .map(rows -> {
                    List<AuthorizationJson> items = new ArrayList<>(rows.size());
                    for (AuthorizationEntity a : rows) {
                        items.add(authorization(a));
                    }
                    String next = null;
                    if (items.size() > limit) {
                        items.remove(limit);
                        next = page.next(AUTHORIZATIONS.cursor(items.get(limit - 1).id()));
                    }
                    return new ListResponse<>(items, next);
                });
    }

    /** One authorization with every version, its first transfers and its revocation; empty if unknown. */
    public Uni<Optional<AuthorizationJson>> authorization(String id) {
        return ReadSessions.read(sessions, session -> session.find(AuthorizationEntity.class, id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().item(Optional.<AuthorizationJson>empty());
            }
            AuthorizationJson a = authorization(found);
            CooperativeApproachId ca = new CooperativeApproachId(a.cooperativeApproachId());
            Set<String> projects = new HashSet<>();
            // One session runs one statement at a time: versions, then first transfers, then the revocation, then the
            // first hosts of the projects their units belong to, which the serials need.
            return versions(session, id, projects).chain(versions -> firstTransfers(session, id, projects)
                    .chain(firstTransfers -> revocation(session, id, projects)
                            .chain(revocation -> projectHosts(session, projects).map(hosts -> {
                                UnitNames names = new UnitNames(ca, hosts);
                                return Optional.of(a.withHistory(build(versions, names), build(firstTransfers, names),
                                        revocation == null ? null : revocation.apply(names)));
                            }))));
        }));
    }

    /**
     * Names units in an authorization's answer: ITMO ids under its cooperative approach, serials naming the host when
     * the units are in another numbering line than their project's first host's ({@code projectHosts}, by project id).
     */
    private record UnitNames(CooperativeApproachId ca, Map<String, String> projectHosts) {
        List<UnitRangeJson> of(List<BlockRange> ranges) {
            List<UnitRangeJson> units = new ArrayList<>(ranges.size());
            for (BlockRange r : ranges) {
                units.add(UnitRangeJson.of(r, PartyCode.parse(projectHosts.get(r.projectId().value())), ca));
            }
            return units;
        }
    }

    /** Part of an answer, complete once its units can be named. */
    private interface Named<T> extends Function<UnitNames, T> {
    }

    private static <T> List<T> build(List<Named<T>> parts, UnitNames names) {
        List<T> built = new ArrayList<>(parts.size());
        for (Named<T> part : parts) {
            built.add(part.apply(names));
        }
        return built;
    }

    /** The first host of each project, by project id. */
    private static Uni<Map<String, String>> projectHosts(Mutiny.Session session, Set<String> projects) {
        if (projects.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createSelectionQuery(PROJECTS, ProjectEntity.class)
                .setParameter("ids", projects)
                .getResultList()
                .map(rows -> {
                    Map<String, String> hosts = new HashMap<>();
                    for (ProjectEntity p : rows) {
                        hosts.put(p.id(), p.hostParty());
                    }
                    return hosts;
                });
    }

    private static void collect(Set<String> projects, List<BlockRange> ranges) {
        for (BlockRange r : ranges) {
            projects.add(r.projectId().value());
        }
    }

    private static Uni<List<Named<AuthorizationJson.Version>>> versions(Mutiny.Session session, String id,
                                                                       Set<String> projects) {
        return session.createSelectionQuery(VERSIONS, AuthorizationVersionEntity.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    List<Named<AuthorizationJson.Version>> versions = new ArrayList<>(rows.size());
                    for (AuthorizationVersionEntity v : rows) {
                        LedgerEvent e = StoredEventJson.decode(v.event().eventJson());
                        List<BlockRange> ranges = e instanceof UnitsAuthorized u ? u.ranges() : ((AuthorizationAmended) e).ranges();
                        collect(projects, ranges);
                        int version = v.version();
                        long seq = v.seq();
                        Long quantity = v.authorizedQuantity();
                        List<Integer> vintages = integers(v.vintages());
                        List<String> entities = Arrays.asList(v.authorizedEntities());
                        String issuance = v.issuanceId();
                        versions.add(names -> new AuthorizationJson.Version(version, seq, EventCodec.formatTime(e.at()),
                                quantity, vintages, entities, issuance, names.of(ranges)));
                    }
                    return versions;
                });
    }

    private static Uni<List<Named<AuthorizationJson.FirstTransfer>>> firstTransfers(Mutiny.Session session, String id,
                                                                                   Set<String> projects) {
        return session.createSelectionQuery(FIRST_TRANSFERS, FirstTransferEntity.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    List<Named<AuthorizationJson.FirstTransfer>> list = new ArrayList<>(rows.size());
                    for (FirstTransferEntity f : rows) {
                        FirstTransferRecorded ft = (FirstTransferRecorded) StoredEventJson.decode(f.event().eventJson());
                        collect(projects, ft.ranges());
                        long quantity = f.quantity();
                        list.add(names -> new AuthorizationJson.FirstTransfer(ft.seq(), EventCodec.formatTime(ft.at()),
                                ft.trigger().name(), ft.causeSeq(), ft.transferringParty().value(),
                                ft.acquiringParty().map(p -> p.value()).orElse(null), quantity, names.of(ft.ranges())));
                    }
                    return list;
                });
    }

    /** The revocation, or null when the authorization stands. */
    private static Uni<Named<AuthorizationJson.Revocation>> revocation(Mutiny.Session session, String id,
                                                                      Set<String> projects) {
        return session.createNativeQuery(REVOCATION, String.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    AuthorizationRevoked r = (AuthorizationRevoked) StoredEventJson.decode(rows.get(0));
                    collect(projects, r.ranges());
                    return names -> new AuthorizationJson.Revocation(r.seq(), EventCodec.formatTime(r.at()),
                            r.reason().orElse(null), names.of(r.ranges()));
                });
    }

    private static AuthorizationJson authorization(AuthorizationEntity a) {
        return new AuthorizationJson(a.id(), a.party(), a.cooperativeApproachId(), a.purpose(), a.oimp(),
                a.firstTransferDefinition(), a.authorizedQuantity(), integers(a.vintages()),
                Arrays.asList(a.authorizedEntities()), a.version(), a.unitCount(), a.firstTransferredUnits(), a.revoked(),
                null, null, null);
    }

    private static List<Integer> integers(short[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (short v : values) {
            list.add((int) v);
        }
        return list;
    }
}
