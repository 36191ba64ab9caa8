package org.jcm.settlement.trade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.settlement.api.RegisterTradeRequest;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.entity.AccountEntity;
import org.jcm.settlement.entity.IdempotencyKeyEntity;
import org.jcm.settlement.entity.TradeEntity;
import org.jcm.settlement.entity.TradeLegEntity;
import org.jcm.settlement.messaging.ConsumerState;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.support.problem.FieldError;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * Registers executed trades for delivery versus payment and reads them back, through Hibernate
 * Reactive. A registration takes the same write lock as the ledger consumer and replays the
 * transfers already applied that name the trade, so the status is the same whether the
 * registration or the delivering transfer came first.
 */
@ApplicationScoped
public class TradeService {

    /** The answer to a registration: status and JSON body, stored for retries with the same key. */
    public record Answer(int status, String body) {
    }

    // The consumer's transaction-scoped advisory lock: registrations and applied batches take turns.
    private static final String WRITE_LOCK = "SELECT 1 FROM pg_advisory_xact_lock(:lock)";
    // Index trade_legs_by_trade.
    private static final String LEGS = "from TradeLegEntity l where l.venue = :venue and l.tradeId = :tradeId"
            + " order by l.seq, l.leg";
    // The transfers naming a trade other than the one that decided it (0 when none did), index trade_legs_by_trade.
    private static final String UNMATCHED_COUNT = "SELECT count(DISTINCT seq) FROM trade_legs"
            + " WHERE venue = :venue AND trade_id = :tradeId AND seq <> :decidedBy";
    // Index trades_by_venue_and_status_time.
    private static final String SETTLED_ON = "from TradeEntity t where t.venue = :venue and t.status = :status"
            + " and t.statusAt >= :from and t.statusAt < :to order by t.statusSeq, t.tradeId";

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;
    private final ObjectMapper json;
    private final LedgerConsumer consumer;
    private final SettlementConfig config;

    TradeService(Mutiny.SessionFactory sessions, Clock clock, ObjectMapper json, LedgerConsumer consumer,
                 SettlementConfig config) {
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
        this.consumer = consumer;
        this.config = config;
    }

    /** Registers a trade under an Idempotency-Key scoped to the exchange's venue. */
    public Uni<Answer> register(RegisterTradeRequest request, String idempotencyKey, String registeredBy) {
        String scope = "trades:" + request.venue();
        String requestHash = sha256(request.canonical());
        AtomicBoolean settled = new AtomicBoolean();
        return sessions.withTransaction(session -> session.createNativeQuery(WRITE_LOCK, Integer.class)
                .setParameter("lock", BatchWriter.WRITE_LOCK)
                .getSingleResult()
                .chain(() -> session.find(IdempotencyKeyEntity.class, new IdempotencyKeyEntity.Key(scope, idempotencyKey)))
                .chain(stored -> stored != null
                        ? Uni.createFrom().item(replay(stored, requestHash, idempotencyKey))
                        : register(session, request, registeredBy)
                                .invoke(registered -> settled.set(TradeStatus.SETTLED.name().equals(registered.status())))
                                .chain(registered -> remember(session, scope, idempotencyKey, requestHash,
                                        registered))))
                // Committed: a trade its registration settled now goes into the feeds, by the consumer.
                .invoke(() -> {
                    if (settled.get()) {
                        consumer.settledOnRegistration();
                    }
                });
    }

    /** One registered trade and the number of its unmatched references, or empty. */
    public Uni<Optional<TradeStatusView>> status(TradeKey key) {
        return sessions.withSession(session -> session.setDefaultReadOnly(true)
                .find(TradeEntity.class, new TradeEntity.Key(key))
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(Optional.<TradeStatusView>empty());
                    }
                    RegisteredTrade trade = found.toTrade();
                    return session.createNativeQuery(UNMATCHED_COUNT, Long.class)
                            .setParameter("venue", key.venue())
                            .setParameter("tradeId", key.tradeId())
                            .setParameter("decidedBy", trade.statusSeq())
                            .getSingleResult()
                            .map(count -> Optional.of(TradeStatusView.of(trade, count)));
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

    private static Answer replay(IdempotencyKeyEntity stored, String requestHash, String key) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ProblemException(409, ProblemCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was used before with a different request.");
        }
        return new Answer(stored.status(), stored.body());
    }

    /**
     * Inserts the trade with the status that the transfers already applied give it (then the
     * deadline); refuses a trade that is registered already, a deadline outside the window and
     * accounts the ledger has not opened or has closed. The write lock keeps the checks and the
     * insert together (the consumer adds accounts under the same lock).
     */
    private Uni<TradeStatusView> register(Mutiny.Session session, RegisterTradeRequest r, String registeredBy) {
        TradeKey key = new TradeKey(r.venue(), r.tradeId());
        RegisteredTrade trade = new RegisteredTrade(key, r.sellerAccountId(), r.buyerAccountId(), r.parsedInstrument(),
                r.quantity(), r.price(), r.currency(), r.deadline(), TradeStatus.PENDING_DELIVERY, 0, null, List.of());
        Instant registeredAt = clock.instant();
        return session.find(TradeEntity.class, new TradeEntity.Key(key))
                .chain(existing -> {
                    if (existing != null) {
                        throw new ProblemException(409, ProblemCodes.TRADE_ALREADY_REGISTERED, "Trade '" + r.tradeId()
                                + "' of venue " + r.venue() + " is already registered.");
                    }
                    checkDeliveryWindow(r.deadline(), registeredAt);
                    return session.find(AccountEntity.class, r.sellerAccountId())
                            .chain(seller -> session.find(AccountEntity.class, r.buyerAccountId())
                                    .invoke(buyer -> checkAccounts(r, seller, buyer)));
                })
                .chain(() -> session.createSelectionQuery(LEGS, TradeLegEntity.class)
                        .setParameter("venue", key.venue())
                        .setParameter("tradeId", key.tradeId())
                        .getResultList())
                .chain(legs -> {
                    List<PricedTransfer> transfers = transfers(legs);
                    RegisteredTrade decided = DeliveryRules.replay(trade, transfers, clock);
                    long unmatched = transfers.stream().filter(t -> t.seq() != decided.statusSeq()).count();
                    return session.persist(TradeEntity.registered(decided, registeredAt, registeredBy))
                            .replaceWith(TradeStatusView.of(decided, unmatched));
                });
    }

    /**
     * A deadline must not be before the clock, nor more than {@code settlement.trades.max-delivery-window}
     * after it: a trade that could only fail at once, or that would wait for a delivery for years
     * (a year like +999999999 once became 169108099 in PostgreSQL), is a mistake.
     */
    private void checkDeliveryWindow(Instant deliverBy, Instant now) {
        Duration window = config.trades().maxDeliveryWindow();
        String reason = null;
        if (deliverBy.isBefore(now)) {
            reason = "is in the past: the service's clock reads " + now;
        } else if (Duration.between(now, deliverBy).compareTo(window) > 0) {
            reason = "is more than " + window + " after the service's clock (" + now + ")";
        }
        if (reason != null) {
            String rule = "must lie between now and " + window + " ahead";
            throw new ProblemException(422, ProblemCodes.DELIVER_BY_OUT_OF_RANGE, "Field 'deliverBy' " + reason
                    + "; it " + rule + ".", List.of(new FieldError("deliverBy", rule)));
        }
    }

    /**
     * Both accounts must have been opened in the ledger and not closed. An account settlement does
     * not know is 422 {@code unknown_account} while the consumer is caught up with the topic, and
     * 503 {@code unavailable} (retry) while it is not, when the account may just not be read yet.
     */
    private void checkAccounts(RegisterTradeRequest r, AccountEntity seller, AccountEntity buyer) {
        AccountCheck unknown = new AccountCheck();
        AccountCheck closed = new AccountCheck();
        for (AccountField field : List.of(new AccountField("sellerAccountId", r.sellerAccountId(), seller),
                new AccountField("buyerAccountId", r.buyerAccountId(), buyer))) {
            if (field.account() == null) {
                unknown.add(field, "has not been opened in the ledger");
            } else if (field.account().closed()) {
                closed.add(field, "is closed");
            }
        }
        if (!unknown.errors.isEmpty()) {
            ConsumerStatus status = consumer.status();
            if (status.state() != ConsumerState.RUNNING) {
                throw new LedgerBehindException("Settlement does not know account " + unknown.ids() + " yet: it is "
                        + status.state() + " and has applied the ledger up to seq " + status.lastAppliedSeq()
                        + ". Retry the same request with the same Idempotency-Key.", unknown.errors);
            }
            throw new ProblemException(422, ProblemCodes.UNKNOWN_ACCOUNT, "The ledger has no account " + unknown.ids()
                    + " (settlement has applied it up to seq " + status.lastAppliedSeq() + ", the end of the ledger"
                    + " topic). An account opened in the registry moments ago may not have reached settlement yet:"
                    + " retry the same request with the same Idempotency-Key.", unknown.errors);
        }
        if (!closed.errors.isEmpty()) {
            throw new ProblemException(422, ProblemCodes.ACCOUNT_CLOSED, "The ledger has closed account "
                    + closed.ids() + ": it can no longer deliver or receive units.", closed.errors);
        }
    }

    /** A field of the request naming an account, and the account as settlement knows it (or null). */
    private record AccountField(String name, String accountId, AccountEntity account) {
    }

    /** The accounts that fail one check, and the field errors that name them. */
    private static final class AccountCheck {
        private final List<String> accountIds = new ArrayList<>(2);
        private final List<FieldError> errors = new ArrayList<>(2);

        void add(AccountField field, String what) {
            accountIds.add(field.accountId());
            errors.add(new FieldError(field.name(), field.accountId() + " " + what));
        }

        String ids() {
            return String.join(" and ", accountIds);
        }
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

    private Uni<Answer> remember(Mutiny.Session session, String scope, String key, String requestHash,
                                 TradeStatusView trade) {
        String body = write(trade);
        return session.persist(new IdempotencyKeyEntity(scope, key, requestHash, 201, body))
                .replaceWith(new Answer(201, body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HashChain.toHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
