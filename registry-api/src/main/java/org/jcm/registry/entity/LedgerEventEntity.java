package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code ledger_event}, for the entity reads that need an event's stored JSON (an
 * authorization's versions and first transfers). The hash columns are not mapped. Pages of the
 * log (transactions, {@code /ledger/events}, unit histories) stay SQL on the reactive client.
 */
@Entity
@Table(name = "ledger_event")
@Immutable
public class LedgerEventEntity {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "type", columnDefinition = "text")
    private String type;

    @Column(name = "at")
    private Instant at;

    @Column(name = "actor_role", columnDefinition = "text")
    private String actorRole;

    @Column(name = "actor_subject", columnDefinition = "text")
    private String actorSubject;

    @Column(name = "actor_scope", columnDefinition = "text")
    private String actorScope;

    /** The event's RFC 8785 canonical JSON, exactly the bytes hashed. */
    @Column(name = "event_json", columnDefinition = "text")
    private String eventJson;

    protected LedgerEventEntity() {
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    public String actorRole() {
        return actorRole;
    }

    public String actorSubject() {
        return actorSubject;
    }

    public String actorScope() {
        return actorScope;
    }

    public String eventJson() {
        return eventJson;
    }
}
