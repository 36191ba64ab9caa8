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
import java.util.List;
import org.hibernate.annotations.Immutable;

/** A row of {@code organization}: a legal entity registered in a registry, with its accounts. */
@Entity
@Table(name = "organization")
@Immutable
public class OrganizationEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @Column(name = "registry_id", columnDefinition = "text")
    private String registryId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "registry_id", insertable = false, updatable = false)
    private RegistryEntity registry;

    @Column(name = "name", columnDefinition = "text")
    private String name;

    /** Its accounts by id (index {@code account_organization}). */
    @OneToMany(mappedBy = "organization", fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<AccountEntity> accounts;

    protected OrganizationEntity() {
    }

    public String id() {
        return id;
    }

    public String registryId() {
        return registryId;
    }

    /** Lazy: fetch it with the organization ({@code join fetch o.registry}). */
    public RegistryEntity registry() {
        return registry;
    }

    public String name() {
        return name;
    }

    /** Lazy: fetch them with the organization ({@code left join fetch o.accounts}). */
    public List<AccountEntity> accounts() {
        return accounts;
    }
}
