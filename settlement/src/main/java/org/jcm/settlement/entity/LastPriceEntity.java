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

/** A row of {@code last_prices}: the last traded price of an instrument in one currency. */
@Entity
@Table(name = "last_prices")
@Immutable
@IdClass(LastPriceEntity.Key.class)
public class LastPriceEntity {

    @Id
    @Column(name = "instrument", columnDefinition = "text")
    private String instrument;

    @Id
    @Column(name = "currency", columnDefinition = "text")
    private String currency;

    @Column(name = "price_per_tonne")
    private BigDecimal pricePerTonne;

    @Column(name = "at")
    private Instant at;

    @Column(name = "seq")
    private long seq;

    protected LastPriceEntity() {
    }

    public String instrument() {
        return instrument;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal pricePerTonne() {
        return pricePerTonne;
    }

    public Instant at() {
        return at;
    }

    public long seq() {
        return seq;
    }

    /** The primary key: instrument and currency. */
    public static class Key implements Serializable {

        private String instrument;
        private String currency;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(instrument, k.instrument) && Objects.equals(currency, k.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instrument, currency);
        }
    }
}
