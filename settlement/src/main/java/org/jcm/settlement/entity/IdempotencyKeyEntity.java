package org.jcm.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code idempotency_keys}: the first answer to an Idempotency-Key of {@code POST /trades},
 * answered again on a retry. {@code created_at} is left to its database default.
 */
@Entity
@Table(name = "idempotency_keys")
@Immutable
@IdClass(IdempotencyKeyEntity.Key.class)
public class IdempotencyKeyEntity {

    @Id
    @Column(name = "scope", columnDefinition = "text")
    private String scope;

    @Id
    @Column(name = "idem_key", columnDefinition = "text")
    private String idempotencyKey;

    /** SHA-256 of the canonical request, hex. */
    @Column(name = "request_hash", columnDefinition = "text")
    private String requestHash;

    @Column(name = "status")
    private int status;

    @Column(name = "body", columnDefinition = "text")
    private String body;

    protected IdempotencyKeyEntity() {
    }

    public IdempotencyKeyEntity(String scope, String idempotencyKey, String requestHash, int status, String body) {
        this.scope = scope;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = status;
        this.body = body;
    }

    public String requestHash() {
        return requestHash;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** The primary key: scope ({@code trades:{venue}}) and key. */
    public static class Key implements Serializable {

        private String scope;
        private String idempotencyKey;

        protected Key() {
        }

        public Key(String scope, String idempotencyKey) {
            this.scope = scope;
            this.idempotencyKey = idempotencyKey;
        }

        /** The record of the first answer under this key. */
        public IdempotencyKeyEntity entity(String requestHash, int status, String body) {
            return new IdempotencyKeyEntity(scope, idempotencyKey, requestHash, status, body);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, idempotencyKey);
        }
    }
}
