package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.serial.BlockSerial;

/** Shape checks for the unit selection shared by transfers, cancellations and retirements. */
final class Selection {

    static final int MAX_RANGES = 1000;

    private Selection() {
    }

    static List<BlockSerial> check(List<BlockSerial> serialRanges, Optional<UnitFilter> filter) {
        List<BlockSerial> ranges = Texts.list("serialRanges", serialRanges, MAX_RANGES);
        Objects.requireNonNull(filter, "filter");
        if (!ranges.isEmpty() && filter.isPresent()) {
            throw new InvalidValueException("filter", filter.toString(), "give serialRanges or filter, not both");
        }
        return ranges;
    }
}
