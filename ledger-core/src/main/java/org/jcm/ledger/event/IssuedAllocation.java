package org.jcm.ledger.event;

import java.util.Objects;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.serial.Quantity;

/** The units one allocation account received in an issuance; {@code issuingRegistryId} is that account's registry. */
public record IssuedAllocation(AccountId accountId, RegistryId issuingRegistryId, long first, long last) {

    public IssuedAllocation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(issuingRegistryId, "issuingRegistryId");
        if (first < 1 || last > Quantity.MAX || first > last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " must satisfy 1 <= first <= last <= 2^53 - 1");
        }
    }

    public long quantity() {
        return last - first + 1;
    }
}
