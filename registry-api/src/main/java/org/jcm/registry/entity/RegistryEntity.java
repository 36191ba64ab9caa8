package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code registry}: a registry hosted here. */
@Entity
@Table(name = "registry")
@Immutable
public class RegistryEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    /** The Party's alpha-3 code. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "party", columnDefinition = "char(3)")
    private String party;

    @Column(name = "name", columnDefinition = "text")
    private String name;

    @Column(name = "cancellation_account_id", columnDefinition = "text")
    private String cancellationAccountId;

    @Column(name = "retirement_account_id", columnDefinition = "text")
    private String retirementAccountId;

    @Column(name = "next_organization_number")
    private long nextOrganizationNumber;

    @Column(name = "next_account_number")
    private long nextAccountNumber;

    protected RegistryEntity() {
    }

    public String id() {
        return id;
    }

    public String party() {
        return party;
    }

    public String name() {
        return name;
    }

    public String cancellationAccountId() {
        return cancellationAccountId;
    }

    public String retirementAccountId() {
        return retirementAccountId;
    }

    public long nextOrganizationNumber() {
        return nextOrganizationNumber;
    }

    public long nextAccountNumber() {
        return nextAccountNumber;
    }
}
