package org.jcm.settlement.trade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.settlement.api.RegisterTradeRequest;
import org.jcm.settlement.api.TradeStatusView;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.settlement.persistence.Rows;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.problem.ProblemException;

/**
 * Registers executed trades for delivery versus payment. A registration takes the same write lock
 * as the ledger consumer and replays the transfers already applied that name the trade, so the
 * status is the same whether the registration or the delivering transfer came first.
 */
@ApplicationScoped
public class TradeService {

    /** The answer to a registration: status and JSON body, stored for retries with the same key. */
    public record Answer(int status, String body) {
    }

    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;

    TradeService(Pool pool, Clock clock, ObjectMapper json) {
        this.pool = pool;
        this.clock = clock;
        this.json = json;
    }

    /** Registers a trade under an Idempotency-Key scoped to the exchange's venue. */
    public Uni<Answer> register(RegisterTradeRequest request, String idempotencyKey, String registeredBy) {
        String scope = "trades:" + request.venue();
        String requestHash = sha256(request.canonical());
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(BatchWriter.WRITE_LOCK))
                .chain(() -> connection.preparedQuery("SELECT request_hash, status, body FROM idempotency_keys"
                        + " WHERE scope = $1 AND idem_key = $2").execute(Tuple.of(scope, idempotencyKey)))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().item(replay(rows.iterator().next(), requestHash, idempotencyKey));
                    }
                    return insert(connection, request, registeredBy)
                            .chain(trade -> settleAgainstLedger(connection, trade))
                            .chain(trade -> remember(connection, scope, idempotencyKey, requestHash, trade));
                }));
    }

    private static Answer replay(Row stored, String requestHash, String key) {
        if (!stored.getString("request_hash").equals(requestHash)) {
            throw new ProblemException(409, ProblemCodes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was used before with a different request.");
        }
        return new Answer(stored.getInteger("status"), stored.getString("body"));
    }

    private Uni<RegisteredTrade> insert(SqlConnection connection, RegisterTradeRequest r, String registeredBy) {
        RegisteredTrade trade = new RegisteredTrade(new TradeKey(r.venue(), r.tradeId()), r.sellerAccountId(),
                r.buyerAccountId(), r.parsedInstrument(), r.quantity(), r.price(), r.currency(), r.deadline(),
                TradeStatus.PENDING_DELIVERY, 0, null, List.of());
        return connection.preparedQuery("INSERT INTO trades (venue, trade_id, seller_account_id, buyer_account_id,"
                        + " instrument, quantity, price_per_tonne, currency, deliver_by, registered_at, registered_by,"
                        + " status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING_DELIVERY')"
                        + " ON CONFLICT (venue, trade_id) DO NOTHING")
                .execute(Tuple.tuple()
                        .addString(r.venue()).addString(r.tradeId()).addString(r.sellerAccountId())
                        .addString(r.buyerAccountId()).addString(trade.instrument().code()).addLong(r.quantity())
                        .addBigDecimal(r.price()).addString(r.currency())
                        .addOffsetDateTime(r.deadline().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)).addString(registeredBy))
                .map(result -> {
                    if (result.rowCount() == 0) {
                        throw new ProblemException(409, ProblemCodes.TRADE_ALREADY_REGISTERED, "Trade '" + r.tradeId()
                                + "' of venue " + r.venue() + " is already registered.");
                    }
                    return trade;
                });
    }

    /** Applies the transfers already in the ledger that name the trade, then the deadline. */
    private Uni<RegisteredTrade> settleAgainstLedger(SqlConnection connection, RegisteredTrade trade) {
        return connection.preparedQuery("SELECT * FROM trade_legs WHERE venue = $1 AND trade_id = $2 ORDER BY seq, leg")
                .execute(Tuple.of(trade.key().venue(), trade.key().tradeId()))
                .chain(rows -> {
                    Map<Long, List<TradeLeg>> bySeq = new LinkedHashMap<>();
                    for (Row row : rows) {
                        TradeLeg leg = Rows.leg(row);
                        bySeq.computeIfAbsent(leg.seq(), s -> new ArrayList<>()).add(leg);
                    }
                    List<PricedTransfer> transfers = new ArrayList<>();
                    bySeq.forEach((seq, legs) -> {
                        TradeLeg first = legs.get(0);
                        transfers.add(new PricedTransfer(seq, first.at(), first.venue(), first.tradeId(),
                                first.fromAccountId(), first.toAccountId(), legs));
                    });
                    RegisteredTrade decided = DeliveryRules.replay(trade, transfers, clock);
                    if (decided.equals(trade)) {
                        return Uni.createFrom().item(trade);
                    }
                    return connection.preparedQuery("UPDATE trades SET status = $3, status_seq = $4, status_at = $5,"
                                    + " mismatches = $6 WHERE venue = $1 AND trade_id = $2")
                            .execute(Tuple.tuple().addString(decided.key().venue()).addString(decided.key().tradeId())
                                    .addString(decided.status().name())
                                    .addLong(decided.statusSeq() == 0 ? null : decided.statusSeq())
                                    .addOffsetDateTime(decided.statusAt() == null ? null
                                            : decided.statusAt().atOffset(ZoneOffset.UTC))
                                    .addString(decided.mismatches().isEmpty() ? null
                                            : String.join(",", decided.mismatches())))
                            .replaceWith(decided);
                });
    }

    private Uni<Answer> remember(SqlConnection connection, String scope, String key, String requestHash,
                                 RegisteredTrade trade) {
        String body = write(TradeStatusView.of(trade));
        return connection.preparedQuery("INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, body)"
                        + " VALUES ($1, $2, $3, 201, $4)")
                .execute(Tuple.of(scope, key, requestHash, body))
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
