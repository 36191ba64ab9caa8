package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.serial.Quantity;

/** One line of a Joint Committee allocation: a holding account and its share of the issuance. */
public record Allocation(AccountId accountId, Quantity quantity) {
    public Allocation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(quantity, "quantity");
    }
}
