package org.jcm.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A row of the view {@code account_balance}: the units of one vintage and label that an account
 * holds, summed over its live blocks. A view, so read-only by nature; the key is its grouping.
 */
@Entity
@Table(name = "account_balance")
@Immutable
@IdClass(AccountBalanceEntity.Key.class)
public class AccountBalanceEntity {

    /** The labels in the order balance lines are listed within a vintage. */
    private static final List<String> LABELS = List.of("NONE", "AUTHORIZED", "CA_APPLIED");

    /** The order of balance lines: by vintage, then label NONE, AUTHORIZED, CA_APPLIED. */
    public static final Comparator<AccountBalanceEntity> ORDER = Comparator
            .comparingInt(AccountBalanceEntity::vintage)
            .thenComparingInt(b -> LABELS.indexOf(b.label()));

    @Id
    @Column(name = "account_id", columnDefinition = "text")
    private String accountId;

    @Id
    @Column(name = "vintage")
    private short vintage;

    /** NONE, AUTHORIZED or CA_APPLIED. */
    @Id
    @Column(name = "label", columnDefinition = "text")
    private String label;

    @Column(name = "quantity")
    private long quantity;

    @Column(name = "block_count")
    private long blockCount;

    protected AccountBalanceEntity() {
    }

    public String accountId() {
        return accountId;
    }

    public int vintage() {
        return vintage;
    }

    public String label() {
        return label;
    }

    public long quantity() {
        return quantity;
    }

    public long blockCount() {
        return blockCount;
    }

    /** The view's grouping: account, vintage and label. */
    public static class Key implements Serializable {

        private String accountId;
        private short vintage;
        private String label;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && vintage == k.vintage && Objects.equals(accountId, k.accountId)
                    && Objects.equals(label, k.label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, vintage, label);
        }
    }
}
