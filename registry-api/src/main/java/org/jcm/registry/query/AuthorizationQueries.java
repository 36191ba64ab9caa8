package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.registry.api.AuthorizationJson;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.UnitRangeJson;
import org.jcm.registry.entity.AuthorizationEntity;
import org.jcm.registry.entity.AuthorizationVersionEntity;
import org.jcm.registry.entity.FirstTransferEntity;
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
            // One session runs one statement at a time: versions, then first transfers, then the revocation.
            return versions(session, id, ca).chain(versions -> firstTransfers(session, id, ca)
                    .chain(firstTransfers -> revocation(session, id, ca)
                            .map(revocation -> Optional.of(a.withHistory(versions, firstTransfers, revocation)))));
        }));
    }

    private static Uni<List<AuthorizationJson.Version>> versions(Mutiny.Session session, String id, CooperativeApproachId ca) {
        return session.createSelectionQuery(VERSIONS, AuthorizationVersionEntity.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    List<AuthorizationJson.Version> versions = new ArrayList<>(rows.size());
                    for (AuthorizationVersionEntity v : rows) {
                        LedgerEvent e = StoredEventJson.decode(v.event().eventJson());
                        List<BlockRange> ranges = e instanceof UnitsAuthorized u ? u.ranges() : ((AuthorizationAmended) e).ranges();
                        versions.add(new AuthorizationJson.Version(v.version(), v.seq(), EventCodec.formatTime(e.at()),
                                v.authorizedQuantity(), integers(v.vintages()), Arrays.asList(v.authorizedEntities()),
                                v.issuanceId(), units(ranges, ca)));
                    }
                    return versions;
                });
    }

    private static Uni<List<AuthorizationJson.FirstTransfer>> firstTransfers(Mutiny.Session session, String id,
                                                                             CooperativeApproachId ca) {
        return session.createSelectionQuery(FIRST_TRANSFERS, FirstTransferEntity.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    List<AuthorizationJson.FirstTransfer> list = new ArrayList<>(rows.size());
                    for (FirstTransferEntity f : rows) {
                        FirstTransferRecorded ft = (FirstTransferRecorded) StoredEventJson.decode(f.event().eventJson());
                        list.add(new AuthorizationJson.FirstTransfer(ft.seq(), EventCodec.formatTime(ft.at()),
                                ft.trigger().name(), ft.causeSeq(), ft.transferringParty().value(),
                                ft.acquiringParty().map(p -> p.value()).orElse(null), f.quantity(),
                                units(ft.ranges(), ca)));
                    }
                    return list;
                });
    }

    private static Uni<AuthorizationJson.Revocation> revocation(Mutiny.Session session, String id, CooperativeApproachId ca) {
        return session.createNativeQuery(REVOCATION, String.class)
                .setParameter("id", id)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    AuthorizationRevoked r = (AuthorizationRevoked) StoredEventJson.decode(rows.get(0));
                    return new AuthorizationJson.Revocation(r.seq(), EventCodec.formatTime(r.at()), r.reason().orElse(null),
                            units(r.ranges(), ca));
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

    private static List<UnitRangeJson> units(List<BlockRange> ranges, CooperativeApproachId ca) {
        List<UnitRangeJson> units = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            units.add(UnitRangeJson.of(r, ca));
        }
        return units;
    }
}
