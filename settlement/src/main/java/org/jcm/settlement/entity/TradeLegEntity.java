package org.jcm.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.TradeLeg;

/** A row of {@code trade_legs}: one instrument of a priced transfer, written by the ledger consumer. */
@Entity
@Table(name = "trade_legs")
@Immutable
@IdClass(TradeLegEntity.Key.class)
public class TradeLegEntity {

    @Id
    @Column(name = "seq")
    private long seq;

    @Id
    @Column(name = "leg")
    private int leg;

    @Column(name = "at")
    private Instant at;

    @Column(name = "instrument", columnDefinition = "text")
    private String instrument;

    @Column(name = "quantity")
    private long quantity;

    @Column(name = "price_per_tonne")
    private BigDecimal pricePerTonne;

    @Column(name = "currency", columnDefinition = "text")
    private String currency;

    @Column(name = "venue", columnDefinition = "text")
    private String venue;

    @Column(name = "trade_id", columnDefinition = "text")
    private String tradeId;

    @Column(name = "from_account_id", columnDefinition = "text")
    private String fromAccountId;

    @Column(name = "to_account_id", columnDefinition = "text")
    private String toAccountId;

    protected TradeLegEntity() {
    }

    /** The leg as delivery versus payment sees it. */
    public TradeLeg toLeg() {
        return new TradeLeg(seq, leg, at, Instrument.parse(instrument), quantity, pricePerTonne, currency, venue, tradeId,
                fromAccountId, toAccountId);
    }

    /** The primary key: the transfer's seq and the leg number. */
    public static class Key implements Serializable {

        private long seq;
        private int leg;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && leg == k.leg;
        }

        @Override
        public int hashCode() {
            return Objects.hash(seq, leg);
        }
    }
}
