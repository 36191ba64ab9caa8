package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * One share of a Joint Committee issuance decision: what one registry issues for one vintage,
 * numbered in the unit numbering of {@code numberingHost} (a host of the project), into its own
 * holding accounts as allocated.
 */
public record DecidedShare(RegistryId registryId, PartyCode numberingHost, Vintage vintage, List<Allocation> allocations) {
    public DecidedShare {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(numberingHost, "numberingHost");
        Objects.requireNonNull(vintage, "vintage");
        allocations = Texts.list("allocations", allocations, 100);
        if (allocations.isEmpty()) {
            throw new InvalidValueException("allocations", "[]", "must have at least one allocation");
        }
    }

    /** The share's total (at most 100 allocations of at most 2^53 - 1: no overflow). */
    public long total() {
        long sum = 0;
        for (Allocation a : allocations) {
            sum += a.quantity().tonnes();
        }
        return sum;
    }
}
