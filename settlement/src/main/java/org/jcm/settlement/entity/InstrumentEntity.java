package org.jcm.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** A row of {@code instruments}: an instrument seen in the ledger, with its last price per currency. */
@Entity
@Table(name = "instruments")
@Immutable
public class InstrumentEntity {

    @Id
    @Column(name = "instrument", columnDefinition = "text")
    private String instrument;

    @Column(name = "host_party", columnDefinition = "text")
    private String hostParty;

    @Column(name = "vintage")
    private int vintage;

    @Column(name = "label", columnDefinition = "text")
    private String label;

    @Column(name = "first_seq")
    private long firstSeq;

    /** By currency; empty when it never traded. */
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "instrument", insertable = false, updatable = false)
    @OrderBy("currency")
    private List<LastPriceEntity> lastPrices;

    protected InstrumentEntity() {
    }

    public String instrument() {
        return instrument;
    }

    public String hostParty() {
        return hostParty;
    }

    public int vintage() {
        return vintage;
    }

    public String label() {
        return label;
    }

    public long firstSeq() {
        return firstSeq;
    }

    /** Lazy: fetch them with the instrument ({@code left join fetch i.lastPrices}). */
    public List<LastPriceEntity> lastPrices() {
        return lastPrices;
    }
}
