package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code project}: a registered JCM project. Its participants and issuances are read with
 * their own queries over a range of project ids (see {@code ProjectQueries}), not as collections.
 */
@Entity
@Table(name = "project")
@Immutable
public class ProjectEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "host_party", columnDefinition = "char(3)")
    private String hostParty;

    @Column(name = "registry_id", columnDefinition = "text")
    private String registryId;

    @Column(name = "title", columnDefinition = "text")
    private String title;

    @Column(name = "methodology_id", columnDefinition = "text")
    private String methodologyId;

    protected ProjectEntity() {
    }

    public String id() {
        return id;
    }

    public String hostParty() {
        return hostParty;
    }

    public String registryId() {
        return registryId;
    }

    public String title() {
        return title;
    }

    public String methodologyId() {
        return methodologyId;
    }
}
