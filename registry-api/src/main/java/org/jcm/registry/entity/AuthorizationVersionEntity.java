package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code unit_authorization_version}: one version of an authorization, written once.
 * The units it added are read from its event ({@link #event()}), whose JSON is authoritative.
 */
@Entity
@Table(name = "unit_authorization_version")
@Immutable
@IdClass(AuthorizationVersionEntity.Key.class)
public class AuthorizationVersionEntity {

    @Id
    @Column(name = "authorization_id", columnDefinition = "text")
    private String authorizationId;

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "seq")
    private long seq;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "seq", insertable = false, updatable = false)
    private LedgerEventEntity event;

    @Column(name = "at")
    private Instant at;

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

    @Column(name = "issuance_id", columnDefinition = "text")
    private String issuanceId;

    protected AuthorizationVersionEntity() {
    }

    public String authorizationId() {
        return authorizationId;
    }

    public int version() {
        return version;
    }

    public long seq() {
        return seq;
    }

    /** Lazy: fetch it with the version ({@code join fetch v.event}). */
    public LedgerEventEntity event() {
        return event;
    }

    public Instant at() {
        return at;
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

    public String issuanceId() {
        return issuanceId;
    }

    /** The primary key: authorization and version. */
    public static class Key implements Serializable {

        private String authorizationId;
        private int version;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(authorizationId, k.authorizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(authorizationId, version);
        }
    }
}
