package org.jcm.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code accounts}: a holding account the ledger opened, as the ledger consumer has read
 * it (AccountOpened, AccountClosed). Trade registrations check their accounts against it.
 */
@Entity
@Table(name = "accounts")
@Immutable
public class AccountEntity {

    @Id
    @Column(name = "account_id", columnDefinition = "text")
    private String accountId;

    @Column(name = "opened_seq")
    private long openedSeq;

    /** Null while the account is open. */
    @Column(name = "closed_seq")
    private Long closedSeq;

    protected AccountEntity() {
    }

    public String accountId() {
        return accountId;
    }

    /** The ledger seq of its AccountOpened event. */
    public long openedSeq() {
        return openedSeq;
    }

    /** Whether the ledger closed it (for good). */
    public boolean closed() {
        return closedSeq != null;
    }
}
