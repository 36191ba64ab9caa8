package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code issuance}: one Joint Committee decision, as issued, with its allocations. */
@Entity
@Table(name = "issuance")
@Immutable
public class IssuanceEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    /** The seq of its CreditsIssued event. */
    @Column(name = "seq")
    private long seq;

    /**
     * When it was issued: the time of its CreditsIssued event, read by primary key from the log
     * rather than through an association, so that a list of issuances does not load their events' JSON.
     */
    @Formula("(select e.at from ledger_event e where e.seq = seq)")
    private Instant issuedAt;

    @Column(name = "project_id", columnDefinition = "text")
    private String projectId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "host_party", columnDefinition = "char(3)")
    private String hostParty;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_party", insertable = false, updatable = false)
    private PartyEntity host;

    @Column(name = "vintage")
    private short vintage;

    @Column(name = "monitoring_period_start")
    private LocalDate monitoringPeriodStart;

    @Column(name = "monitoring_period_end")
    private LocalDate monitoringPeriodEnd;

    @Column(name = "total_quantity")
    private long totalQuantity;

    /** Null when the issuance answers no issuance request. */
    @Column(name = "issuance_request_id", columnDefinition = "text")
    private String issuanceRequestId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "issuance_request_id", insertable = false, updatable = false)
    private IssuanceRequestEntity issuanceRequest;

    @OneToMany(mappedBy = "issuance", fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<IssuanceAllocationEntity> allocations;

    protected IssuanceEntity() {
    }

    public String id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String projectId() {
        return projectId;
    }

    public String hostParty() {
        return hostParty;
    }

    /** Lazy: fetch it with the issuance ({@code join fetch i.host}); its cooperative approach is in the ITMO ids. */
    public PartyEntity host() {
        return host;
    }

    public int vintage() {
        return vintage;
    }

    public LocalDate monitoringPeriodStart() {
        return monitoringPeriodStart;
    }

    public LocalDate monitoringPeriodEnd() {
        return monitoringPeriodEnd;
    }

    public long totalQuantity() {
        return totalQuantity;
    }

    public String issuanceRequestId() {
        return issuanceRequestId;
    }

    /** Lazy: fetch it with the issuance ({@code left join fetch i.issuanceRequest}). */
    public IssuanceRequestEntity issuanceRequest() {
        return issuanceRequest;
    }

    /** Lazy, in allocation order: fetch them with the issuance ({@code left join fetch i.allocations}). */
    public List<IssuanceAllocationEntity> allocations() {
        return allocations;
    }
}
