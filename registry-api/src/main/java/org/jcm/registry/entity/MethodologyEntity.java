package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code methodology}: a methodology in its host's registry of methodologies. */
@Entity
@Table(name = "methodology")
@Immutable
public class MethodologyEntity {

    @Id
    @Column(name = "id", columnDefinition = "text")
    private String id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "host_party", columnDefinition = "char(3)")
    private String hostParty;

    @Column(name = "title", columnDefinition = "text")
    private String title;

    @Column(name = "sectoral_scope")
    private short sectoralScope;

    @Column(name = "version")
    private int version;

    @Column(name = "status", columnDefinition = "text")
    private String status;

    /** Null: any length. */
    @Column(name = "max_monitoring_days")
    private Integer maxMonitoringDays;

    @Column(name = "same_entity_may_verify")
    private boolean sameEntityMayVerify;

    protected MethodologyEntity() {
    }

    public String id() {
        return id;
    }

    public String hostParty() {
        return hostParty;
    }

    public String title() {
        return title;
    }

    public int sectoralScope() {
        return sectoralScope;
    }

    public int version() {
        return version;
    }

    public String status() {
        return status;
    }

    public Integer maxMonitoringDays() {
        return maxMonitoringDays;
    }

    public boolean sameEntityMayVerify() {
        return sameEntityMayVerify;
    }
}
