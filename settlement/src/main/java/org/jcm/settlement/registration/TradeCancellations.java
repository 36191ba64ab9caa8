package org.jcm.settlement.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.entity.IdempotencyKeyEntity;
import org.jcm.settlement.entity.TradeEntity;
import org.jcm.settlement.messaging.ConsumerState;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.settlement.registration.CancellationOutcome.Answered;
import org.jcm.settlement.registration.CancellationOutcome.DeliveryHeld;
import org.jcm.settlement.registration.CancellationOutcome.KeyReused;
import org.jcm.settlement.registration.CancellationOutcome.LedgerBehind;
import org.jcm.settlement.registration.CancellationOutcome.NotCancellable;
import org.jcm.settlement.registration.CancellationOutcome.UnknownTrade;
import org.jcm.settlement.trade.DeliveryRules;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Cancels registered trades for the exchange that registered them, before delivery: only a
 * PENDING_DELIVERY trade whose deadline is not behind the clock and of which the registry holds no
 * delivery from the seller account (a pending transfer reserving the units for the buyer). It takes
 * the consumer's write lock, so no transfer of the trade is applied between the checks and the
 * update, and it refuses while the consumer is not caught up with the ledger (a delivery may be on
 * the topic, unread). The cancellation is stored on the trade's row ({@code cancelled_at},
 * {@code cancelled_by}), which a rebuild keeps; only a cancellation stores an answer under the
 * Idempotency-Key (scoped to the venue, shared with registrations).
 */
@ApplicationScoped
public class TradeCancellations {

    /** The status stored with the answer to a cancellation, which its retries get again. */
    static final int OK = 200;

    private static final String WRITE_LOCK = "SELECT 1 FROM pg_advisory_xact_lock(:lock)";
    // Index held_deliveries_by_trade.
    private static final String HELD = "SELECT pending_transfer_id FROM held_deliveries WHERE venue = :venue"
            + " AND trade_id = :tradeId AND from_account_id = :seller ORDER BY seq";
    private static final String CANCEL = "UPDATE trades SET status = 'CANCELLED', status_seq = NULL,"
            + " status_at = :at, mismatches = NULL, cancelled_at = :at, cancelled_by = :by"
            + " WHERE venue = :venue AND trade_id = :tradeId AND status = 'PENDING_DELIVERY'";
    // A pending trade has no deciding transfer: every transfer naming it is an unmatched reference.
    private static final String REFERENCES = "SELECT count(DISTINCT seq) FROM trade_legs"
            + " WHERE venue = :venue AND trade_id = :tradeId";

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;
    private final ObjectMapper json;
    private final LedgerConsumer consumer;

    TradeCancellations(Mutiny.SessionFactory sessions, Clock clock, ObjectMapper json, LedgerConsumer consumer) {
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
        this.consumer = consumer;
    }

    /** Cancels the trade {@code key} for {@code cancelledBy}, under an Idempotency-Key scoped to its venue. */
    public Uni<CancellationOutcome> cancel(TradeKey key, String idempotencyKey, String cancelledBy) {
        String scope = "trades:" + key.venue();
        String requestHash = StoredAnswers.requestHash("cancel\u0000" + key.venue() + "\u0000" + key.tradeId());
        return sessions.withTransaction(session -> session.createNativeQuery(WRITE_LOCK, Integer.class)
                .setParameter("lock", BatchWriter.WRITE_LOCK)
                .getSingleResult()
                .chain(() -> session.find(IdempotencyKeyEntity.class, new IdempotencyKeyEntity.Key(scope, idempotencyKey)))
                .chain(stored -> {
                    if (stored != null) {
                        return Uni.createFrom().item(stored.requestHash().equals(requestHash)
                                ? new Answered(stored.status(), stored.body()) : new KeyReused(idempotencyKey));
                    }
                    ConsumerStatus status = consumer.status();
                    if (status.state() != ConsumerState.RUNNING) {
                        return Uni.createFrom().item(new LedgerBehind(status));
                    }
                    return session.find(TradeEntity.class, new TradeEntity.Key(key))
                            .chain(found -> found == null ? Uni.createFrom().item(new UnknownTrade(key))
                                    : cancel(session, found.toTrade(), cancelledBy,
                                    new IdempotencyKeyEntity.Key(scope, idempotencyKey), requestHash));
                }));
    }

    /** Refuses a trade that is no longer pending or has a held delivery; else cancels it and stores the answer. */
    private Uni<CancellationOutcome> cancel(Mutiny.Session session, RegisteredTrade trade, String cancelledBy,
                                            IdempotencyKeyEntity.Key idempotencyKey, String requestHash) {
        RegisteredTrade now = DeliveryRules.sweep(trade, clock);
        if (now.status() != TradeStatus.PENDING_DELIVERY) {
            return Uni.createFrom().item(new NotCancellable(trade.key(), now.status()));
        }
        return session.createNativeQuery(HELD, String.class)
                .setParameter("venue", trade.key().venue())
                .setParameter("tradeId", trade.key().tradeId())
                .setParameter("seller", trade.sellerAccountId())
                .getResultList()
                .chain(held -> held.isEmpty() ? store(session, trade, cancelledBy, idempotencyKey, requestHash)
                        : Uni.createFrom().item(new DeliveryHeld(trade.key(), List.copyOf(held))));
    }

    private Uni<CancellationOutcome> store(Mutiny.Session session, RegisteredTrade trade, String cancelledBy,
                                           IdempotencyKeyEntity.Key idempotencyKey, String requestHash) {
        // Microseconds, as PostgreSQL keeps them: the answer shows the time a rebuild restores.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RegisteredTrade cancelled = DeliveryRules.cancel(trade, at);
        return session.createNativeQuery(CANCEL)
                .setParameter("at", at)
                .setParameter("by", cancelledBy)
                .setParameter("venue", trade.key().venue())
                .setParameter("tradeId", trade.key().tradeId())
                .executeUpdate()
                .chain(() -> session.createNativeQuery(REFERENCES, Long.class)
                        .setParameter("venue", trade.key().venue())
                        .setParameter("tradeId", trade.key().tradeId())
                        .getSingleResult())
                .chain(references -> {
                    String body = StoredAnswers.json(json, TradeStatusView.of(cancelled, references));
                    return session.persist(idempotencyKey.entity(requestHash, OK, body))
                            .replaceWith(new Answered(OK, body));
                });
    }
}
