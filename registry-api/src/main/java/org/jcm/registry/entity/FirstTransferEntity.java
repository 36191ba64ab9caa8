package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code first_transfer}: a FirstTransferRecorded event of an authorization's units, keyed
 * by that event's seq. The ranges are read from the event ({@link #event()}).
 */
@Entity
@Table(name = "first_transfer")
@Immutable
public class FirstTransferEntity {

    @Id
    @Column(name = "seq")
    private long seq;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "seq", insertable = false, updatable = false)
    private LedgerEventEntity event;

    @Column(name = "authorization_id", columnDefinition = "text")
    private String authorizationId;

    @Column(name = "trigger", columnDefinition = "text")
    private String trigger;

    @Column(name = "cause_seq")
    private long causeSeq;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "transferring_party", columnDefinition = "char(3)")
    private String transferringParty;

    /** Null when no Party acquires the units (OIMP use or cancellation). */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "acquiring_party", columnDefinition = "char(3)")
    private String acquiringParty;

    @Column(name = "quantity")
    private long quantity;

    protected FirstTransferEntity() {
    }

    public long seq() {
        return seq;
    }

    /** Lazy: fetch it with the first transfer ({@code join fetch f.event}). */
    public LedgerEventEntity event() {
        return event;
    }

    public String authorizationId() {
        return authorizationId;
    }

    public String trigger() {
        return trigger;
    }

    public long causeSeq() {
        return causeSeq;
    }

    public String transferringParty() {
        return transferringParty;
    }

    public String acquiringParty() {
        return acquiringParty;
    }

    public long quantity() {
        return quantity;
    }
}
