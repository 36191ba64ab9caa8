package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code party}: a Party or partner region as the ledger knows it. */
@Entity
@Table(name = "party")
@Immutable
public class PartyEntity {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "code", columnDefinition = "char(3)")
    private String code;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "iso2", columnDefinition = "char(2)")
    private String iso2;

    @Column(name = "name", columnDefinition = "text")
    private String name;

    /** JAPAN, PARTNER or CANDIDATE. */
    @Column(name = "jcm_status", columnDefinition = "text")
    private String jcmStatus;

    @Column(name = "paris_agreement_party")
    private boolean parisAgreementParty;

    /** Null when the Party has no JCM cooperative approach. */
    @Column(name = "cooperative_approach_id", columnDefinition = "text")
    private String cooperativeApproachId;

    /** Null for Japan, candidates and Parties of ledgers older than this column. */
    @Column(name = "jcm_signing_date")
    private java.time.LocalDate jcmSigningDate;

    /** Scope numbers separated by {@code ;}, ascending; empty for none. */
    @Column(name = "sectoral_scopes", columnDefinition = "text")
    private String sectoralScopes;

    protected PartyEntity() {
    }

    public String code() {
        return code;
    }

    public String iso2() {
        return iso2;
    }

    public String name() {
        return name;
    }

    public String jcmStatus() {
        return jcmStatus;
    }

    public boolean parisAgreementParty() {
        return parisAgreementParty;
    }

    public String cooperativeApproachId() {
        return cooperativeApproachId;
    }

    public java.time.LocalDate jcmSigningDate() {
        return jcmSigningDate;
    }

    public String sectoralScopes() {
        return sectoralScopes;
    }
}
