package org.jcm.settlement.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.settlement.entity.TradeEntity;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStanding;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Reads registered trades back through Hibernate Reactive, as domain values: one trade with its
 * unmatched references, and a venue's trades settled on a day (for its statement).
 */
@ApplicationScoped
public class TradeQueries {

    // The transfers naming a trade other than the one that decided it (0 when none did), index trade_legs_by_trade.
    private static final String UNMATCHED_COUNT = "SELECT count(DISTINCT seq) FROM trade_legs"
            + " WHERE venue = :venue AND trade_id = :tradeId AND seq <> :decidedBy";
    // Index trades_by_venue_and_status_time.
    private static final String SETTLED_ON = "from TradeEntity t where t.venue = :venue and t.status = :status"
            + " and t.statusAt >= :from and t.statusAt < :to order by t.statusSeq, t.tradeId";

    private final Mutiny.SessionFactory sessions;

    TradeQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** One registered trade and the number of its unmatched references, or empty. */
    public Uni<Optional<TradeStanding>> standing(TradeKey key) {
        return sessions.withSession(session -> session.setDefaultReadOnly(true)
                .find(TradeEntity.class, new TradeEntity.Key(key))
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(Optional.<TradeStanding>empty());
                    }
                    RegisteredTrade trade = found.toTrade();
                    return session.createNativeQuery(UNMATCHED_COUNT, Long.class)
                            .setParameter("venue", key.venue())
                            .setParameter("tradeId", key.tradeId())
                            .setParameter("decidedBy", trade.statusSeq())
                            .getSingleResult()
                            .map(count -> Optional.of(new TradeStanding(trade, count)));
                }));
    }

    /** A venue's trades settled on one UTC day (by the event time of the delivering transfer), by seq and trade id. */
    public Uni<List<RegisteredTrade>> settledOn(String venue, LocalDate day) {
        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return sessions.withSession(session -> session.setDefaultReadOnly(true)
                        .createSelectionQuery(SETTLED_ON, TradeEntity.class)
                        .setParameter("venue", venue)
                        .setParameter("status", TradeStatus.SETTLED)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList())
                .map(rows -> rows.stream().map(TradeEntity::toTrade).toList());
    }
}
