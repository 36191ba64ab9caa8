package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A row of {@code third_party_entity}: a validator and verifier with its accreditation. */
@Entity
@Table(name = "third_party_entity")
@Immutable
public class ThirdPartyEntityEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @Column(name = "name", columnDefinition = "text")
    private String name;

    /** Scope numbers separated by {@code ;}, ascending. */
    @Column(name = "sectoral_scopes", columnDefinition = "text")
    private String sectoralScopes;

    /** Alpha-3 codes separated by {@code ;}, ascending. */
    @Column(name = "host_parties", columnDefinition = "text")
    private String hostParties;

    @Column(name = "status", columnDefinition = "text")
    private String status;

    protected ThirdPartyEntityEntity() {
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String sectoralScopes() {
        return sectoralScopes;
    }

    public String hostParties() {
        return hostParties;
    }

    public String status() {
        return status;
    }
}
