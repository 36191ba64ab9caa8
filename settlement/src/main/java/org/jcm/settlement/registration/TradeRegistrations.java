package org.jcm.settlement.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.settlement.api.RegisterTradeRequest;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.entity.AccountEntity;
import org.jcm.settlement.entity.IdempotencyKeyEntity;
import org.jcm.settlement.entity.TradeEntity;
import org.jcm.settlement.entity.TradeLegEntity;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.metrics.TradeDecisionMetrics;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.settlement.registration.RegistrationOutcome.AlreadyRegistered;
import org.jcm.settlement.registration.RegistrationOutcome.Answered;
import org.jcm.settlement.registration.RegistrationOutcome.ClosedAccounts;
import org.jcm.settlement.registration.RegistrationOutcome.DeadlineOutOfRange;
import org.jcm.settlement.registration.RegistrationOutcome.KeyReused;
import org.jcm.settlement.registration.RegistrationOutcome.NamedAccount;
import org.jcm.settlement.registration.RegistrationOutcome.UnknownAccounts;
import org.jcm.settlement.trade.DeliveryRules;
import org.jcm.settlement.trade.PricedTransfer;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeLeg;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Registers executed trades for delivery versus payment, through Hibernate Reactive, and tells what
 * became of each registration as a {@link RegistrationOutcome}. A registration takes the same write
 * lock as the ledger consumer and replays the transfers already applied that name the trade, so
 * the status is the same whether the registration or the delivering transfer came first. Only a
 * registration that stored the trade stores an answer under its Idempotency-Key; a refused one
 * stores nothing.
 */
@ApplicationScoped
public class TradeRegistrations {

    /** The status stored with the answer to a new registration, which its retries get again. */
    static final int CREATED = 201;

    // The consumer's transaction-scoped advisory lock: registrations and applied batches take turns.
    private static final String WRITE_LOCK = "SELECT 1 FROM pg_advisory_xact_lock(:lock)";
    // Index trade_legs_by_trade.
    private static final String LEGS = "from TradeLegEntity l where l.venue = :venue and l.tradeId = :tradeId"
            + " order by l.seq, l.leg";

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;
    private final ObjectMapper json;
    private final LedgerConsumer consumer;
    private final SettlementConfig config;
    private final TradeDecisionMetrics decisions;

    TradeRegistrations(Mutiny.SessionFactory sessions, Clock clock, ObjectMapper json, LedgerConsumer consumer,
                       SettlementConfig config, TradeDecisionMetrics decisions) {
        this.decisions = decisions;
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
        this.consumer = consumer;
        this.config = config;
    }

    /** Registers a trade under an Idempotency-Key scoped to the exchange's venue. */
    public Uni<RegistrationOutcome> register(RegisterTradeRequest request, String idempotencyKey, String registeredBy) {
        Keyed keyed = new Keyed("trades:" + request.venue(), idempotencyKey, StoredAnswers.requestHash(request.canonical()),
                new AtomicReference<>());
        return sessions.withTransaction(session -> session.createNativeQuery(WRITE_LOCK, Integer.class)
                .setParameter("lock", BatchWriter.WRITE_LOCK)
                .getSingleResult()
                .chain(() -> session.find(IdempotencyKeyEntity.class,
                        new IdempotencyKeyEntity.Key(keyed.scope(), idempotencyKey)))
                .chain(stored -> stored != null
                        ? Uni.createFrom().item(replay(stored, keyed.requestHash(), idempotencyKey))
                        : register(session, request, registeredBy, keyed)))
                // Committed: a trade its registration settled now goes into the feeds, by the consumer.
                .invoke(() -> {
                    TradeStatus decided = keyed.decided().get();
                    if (decided == TradeStatus.SETTLED) {
                        consumer.settledOnRegistration();
                    }
                    if (decided != null) {
                        decisions.decided(request.venue(), decided);
                    }
                });
    }

    /**
     * A registration's Idempotency-Key (scoped to the venue), the hash of its request, and the status
     * of the trade it stored (settled, mismatched or failed at once by a delivery already applied,
     * else pending), null until it stored one.
     */
    private record Keyed(String scope, String idempotencyKey, String requestHash, AtomicReference<TradeStatus> decided) {
    }

    private static RegistrationOutcome replay(IdempotencyKeyEntity stored, String requestHash, String key) {
        if (!stored.requestHash().equals(requestHash)) {
            return new KeyReused(key);
        }
        return new Answered(stored.status(), stored.body());
    }

    /**
     * Inserts the trade with the status that the transfers already applied give it (then the
     * deadline); refuses a trade that is registered already, a deadline outside the window and
     * accounts the ledger has not opened or has closed. The write lock keeps the checks and the
     * insert together (the consumer adds accounts under the same lock).
     */
    private Uni<RegistrationOutcome> register(Mutiny.Session session, RegisterTradeRequest r, String registeredBy,
                                              Keyed keyed) {
        TradeKey key = new TradeKey(r.venue(), r.tradeId());
        Instant registeredAt = clock.instant();
        return session.find(TradeEntity.class, new TradeEntity.Key(key))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new AlreadyRegistered(key));
                    }
                    Duration window = config.trades().maxDeliveryWindow();
                    if (r.deadline().isBefore(registeredAt)
                            || Duration.between(registeredAt, r.deadline()).compareTo(window) > 0) {
                        return Uni.createFrom().item(new DeadlineOutOfRange(r.deadline(), registeredAt, window));
                    }
                    return session.find(AccountEntity.class, r.sellerAccountId())
                            .chain(seller -> session.find(AccountEntity.class, r.buyerAccountId())
                                    .chain(buyer -> {
                                        RegistrationOutcome refused = accountRefusal(r, seller, buyer);
                                        return refused != null ? Uni.createFrom().item(refused)
                                                : insert(session, r, registeredAt, registeredBy, keyed);
                                    }));
                });
    }

    /**
     * Both accounts must have been opened in the ledger and not closed: the accounts settlement does
     * not know (first), or those the ledger closed, or null when both may trade.
     */
    private RegistrationOutcome accountRefusal(RegisterTradeRequest r, AccountEntity seller, AccountEntity buyer) {
        List<NamedAccount> unknown = new ArrayList<>(2);
        List<NamedAccount> closed = new ArrayList<>(2);
        account(new NamedAccount("sellerAccountId", r.sellerAccountId()), seller, unknown, closed);
        account(new NamedAccount("buyerAccountId", r.buyerAccountId()), buyer, unknown, closed);
        if (!unknown.isEmpty()) {
            return new UnknownAccounts(List.copyOf(unknown), consumer.status());
        }
        return closed.isEmpty() ? null : new ClosedAccounts(List.copyOf(closed));
    }

    private static void account(NamedAccount field, AccountEntity account, List<NamedAccount> unknown,
                                List<NamedAccount> closed) {
        if (account == null) {
            unknown.add(field);
        } else if (account.closed()) {
            closed.add(field);
        }
    }

    /** Decides the trade from the transfers already applied that name it, and stores it and the answer. */
    private Uni<RegistrationOutcome> insert(Mutiny.Session session, RegisterTradeRequest r, Instant registeredAt,
                                            String registeredBy, Keyed keyed) {
        TradeKey key = new TradeKey(r.venue(), r.tradeId());
        RegisteredTrade trade = new RegisteredTrade(key, r.sellerAccountId(), r.buyerAccountId(), r.parsedInstrument(),
                r.quantity(), r.price(), r.currency(), r.deadline(), TradeStatus.PENDING_DELIVERY, 0, null, List.of());
        return session.createSelectionQuery(LEGS, TradeLegEntity.class)
                .setParameter("venue", key.venue())
                .setParameter("tradeId", key.tradeId())
                .getResultList()
                .chain(legs -> {
                    List<PricedTransfer> transfers = transfers(legs);
                    RegisteredTrade decided = DeliveryRules.replay(trade, transfers, clock);
                    long unmatched = transfers.stream().filter(t -> t.seq() != decided.statusSeq()).count();
                    keyed.decided().set(decided.status());
                    String body = StoredAnswers.json(json, TradeStatusView.of(decided, unmatched));
                    return session.persist(TradeEntity.registered(decided, registeredAt, registeredBy))
                            .chain(() -> session.persist(new IdempotencyKeyEntity(keyed.scope(),
                                    keyed.idempotencyKey(), keyed.requestHash(), CREATED, body)))
                            .replaceWith(new Answered(CREATED, body));
                });
    }

    /** The transfers of these legs (in seq and leg order), one per seq. */
    private static List<PricedTransfer> transfers(List<TradeLegEntity> rows) {
        Map<Long, List<TradeLeg>> bySeq = new LinkedHashMap<>();
        for (TradeLegEntity row : rows) {
            TradeLeg leg = row.toLeg();
            bySeq.computeIfAbsent(leg.seq(), s -> new ArrayList<>()).add(leg);
        }
        List<PricedTransfer> transfers = new ArrayList<>();
        bySeq.forEach((seq, legs) -> {
            TradeLeg first = legs.get(0);
            transfers.add(new PricedTransfer(seq, first.at(), first.venue(), first.tradeId(), first.fromAccountId(),
                    first.toAccountId(), legs));
        });
        return transfers;
    }
}
