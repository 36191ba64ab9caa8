package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code unit_authorization}: an Article 6.2 authorization with its fixed terms, current
 * terms and unit counts. Its versions and first transfers are their own entities.
 */
@Entity
@Table(name = "unit_authorization")
@Immutable
public class AuthorizationEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "party", columnDefinition = "char(3)")
    private String party;

    @Column(name = "cooperative_approach_id", columnDefinition = "text")
    private String cooperativeApproachId;

    /** NDC, OIMP or NDC_AND_OIMP. */
    @Column(name = "purpose", columnDefinition = "text")
    private String purpose;

    @Column(name = "oimp", columnDefinition = "text")
    private String oimp;

    /** AUTHORIZATION, ISSUANCE or USE_OR_CANCELLATION; null for NDC only. */
    @Column(name = "first_transfer_definition", columnDefinition = "text")
    private String firstTransferDefinition;

    /** Null when uncapped. */
    @Column(name = "authorized_quantity")
    private Long authorizedQuantity;

    // smallint[] by PostgreSQL's own name, the one schema validation reads from the catalog.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "vintages", columnDefinition = "_int2")
    private short[] vintages;

    // text[] by PostgreSQL's own name, the one schema validation reads from the catalog.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "authorized_entities", columnDefinition = "_text")
    private String[] authorizedEntities;

    @Column(name = "version")
    private int version;

    @Column(name = "unit_count")
    private long unitCount;

    @Column(name = "first_transferred_units")
    private long firstTransferredUnits;

    @Column(name = "revoked")
    private boolean revoked;

    protected AuthorizationEntity() {
    }

    public String id() {
        return id;
    }

    public String party() {
        return party;
    }

    public String cooperativeApproachId() {
        return cooperativeApproachId;
    }

    public String purpose() {
        return purpose;
    }

    public String oimp() {
        return oimp;
    }

    public String firstTransferDefinition() {
        return firstTransferDefinition;
    }

    public Long authorizedQuantity() {
        return authorizedQuantity;
    }

    /** A copy. */
    public short[] vintages() {
        return vintages.clone();
    }

    /** A copy. */
    public String[] authorizedEntities() {
        return authorizedEntities.clone();
    }

    public int version() {
        return version;
    }

    public long unitCount() {
        return unitCount;
    }

    public long firstTransferredUnits() {
        return firstTransferredUnits;
    }

    public boolean revoked() {
        return revoked;
    }
}
