package org.jcm.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStatus;

/**
 * A row of {@code trades}: a trade an exchange registered for delivery versus payment. The API
 * inserts it (with the status that the transfers already applied give it) and never updates it;
 * the status columns are then the ledger consumer's, which updates them with SQL.
 */
@Entity
@Table(name = "trades")
@Immutable
@IdClass(TradeEntity.Key.class)
public class TradeEntity {

    @Id
    @Column(name = "venue", columnDefinition = "text")
    private String venue;

    @Id
    @Column(name = "trade_id", columnDefinition = "text")
    private String tradeId;

    @Column(name = "seller_account_id", columnDefinition = "text")
    private String sellerAccountId;

    @Column(name = "buyer_account_id", columnDefinition = "text")
    private String buyerAccountId;

    @Column(name = "instrument", columnDefinition = "text")
    private String instrument;

    @Column(name = "quantity")
    private long quantity;

    /** As registered, scale kept (numeric). */
    @Column(name = "price_per_tonne")
    private BigDecimal pricePerTonne;

    @Column(name = "currency", columnDefinition = "text")
    private String currency;

    @Column(name = "deliver_by")
    private Instant deliverBy;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "registered_by", columnDefinition = "text")
    private String registeredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", columnDefinition = "text")
    private TradeStatus status;

    /** Null while no ledger seq decided the status. */
    @Column(name = "status_seq")
    private Long statusSeq;

    @Column(name = "status_at")
    private Instant statusAt;

    /** The fields that differed, comma-separated; null when none. */
    @Column(name = "mismatches", columnDefinition = "text")
    private String mismatches;

    protected TradeEntity() {
    }

    /** The row of a trade registered at {@code registeredAt} by {@code registeredBy}, with its current status. */
    public static TradeEntity registered(RegisteredTrade trade, Instant registeredAt, String registeredBy) {
        TradeEntity t = new TradeEntity();
        t.venue = trade.key().venue();
        t.tradeId = trade.key().tradeId();
        t.sellerAccountId = trade.sellerAccountId();
        t.buyerAccountId = trade.buyerAccountId();
        t.instrument = trade.instrument().code();
        t.quantity = trade.quantity();
        t.pricePerTonne = trade.pricePerTonne();
        t.currency = trade.currency();
        t.deliverBy = trade.deliverBy();
        t.registeredAt = registeredAt;
        t.registeredBy = registeredBy;
        t.status = trade.status();
        t.statusSeq = trade.statusSeq() == 0 ? null : trade.statusSeq();
        t.statusAt = trade.statusAt();
        t.mismatches = trade.mismatches().isEmpty() ? null : String.join(",", trade.mismatches());
        return t;
    }

    /** The trade with its status as stored. */
    public RegisteredTrade toTrade() {
        return new RegisteredTrade(new TradeKey(venue, tradeId), sellerAccountId, buyerAccountId,
                Instrument.parse(instrument), quantity, pricePerTonne, currency, deliverBy, status,
                statusSeq == null ? 0 : statusSeq, statusAt,
                mismatches == null ? List.of() : Arrays.asList(mismatches.split(",")));
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    /** The primary key: venue and the venue's trade id. */
    public static class Key implements Serializable {

        private String venue;
        private String tradeId;

        protected Key() {
        }

        public Key(TradeKey key) {
            this.venue = key.venue();
            this.tradeId = key.tradeId();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(venue, k.venue) && Objects.equals(tradeId, k.tradeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(venue, tradeId);
        }
    }
}
