package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A row of {@code issuance_request}: the participants' request to issue for a verified monitoring period. */
@Entity
@Table(name = "issuance_request")
@Immutable
public class IssuanceRequestEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @Column(name = "project_id", columnDefinition = "text")
    private String projectId;

    @Column(name = "organization_id", columnDefinition = "text")
    private String organizationId;

    @Column(name = "monitoring_period_start")
    private LocalDate monitoringPeriodStart;

    @Column(name = "monitoring_period_end")
    private LocalDate monitoringPeriodEnd;

    @Column(name = "verified_quantity")
    private long verifiedQuantity;

    @Column(name = "verification_reference", columnDefinition = "text")
    private String verificationReference;

    @Column(name = "issued_quantity")
    private long issuedQuantity;

    protected IssuanceRequestEntity() {
    }

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String organizationId() {
        return organizationId;
    }

    public LocalDate monitoringPeriodStart() {
        return monitoringPeriodStart;
    }

    public LocalDate monitoringPeriodEnd() {
        return monitoringPeriodEnd;
    }

    public long verifiedQuantity() {
        return verifiedQuantity;
    }

    public String verificationReference() {
        return verificationReference;
    }

    public long issuedQuantity() {
        return issuedQuantity;
    }
}
