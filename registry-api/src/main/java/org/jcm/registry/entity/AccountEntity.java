package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** A row of {@code account}, with its balance lines from the {@code account_balance} view. */
@Entity
@Table(name = "account")
@Immutable
public class AccountEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @Column(name = "registry_id", columnDefinition = "text")
    private String registryId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "registry_id", insertable = false, updatable = false)
    private RegistryEntity registry;

    /** Null for the registry's terminal accounts (CANCELLATION, RETIREMENT). */
    @Column(name = "organization_id", columnDefinition = "text")
    private String organizationId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private OrganizationEntity organization;

    /** HOLDING, CANCELLATION or RETIREMENT. */
    @Column(name = "type", columnDefinition = "text")
    private String type;

    @Column(name = "name", columnDefinition = "text")
    private String name;

    /** OPEN or CLOSED. */
    @Column(name = "status", columnDefinition = "text")
    private String status;

    @Column(name = "frozen")
    private boolean frozen;

    /** The balance lines, in no particular order (see {@link AccountBalanceEntity#ORDER}). */
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", insertable = false, updatable = false)
    private List<AccountBalanceEntity> balances;

    protected AccountEntity() {
    }

    public String id() {
        return id;
    }

    public String registryId() {
        return registryId;
    }

    /** Lazy: fetch it with the account ({@code join fetch a.registry}). */
    public RegistryEntity registry() {
        return registry;
    }

    public String organizationId() {
        return organizationId;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    public boolean frozen() {
        return frozen;
    }

    /** Lazy: fetch them with the account ({@code left join fetch a.balances}). */
    public List<AccountBalanceEntity> balances() {
        return balances;
    }
}
