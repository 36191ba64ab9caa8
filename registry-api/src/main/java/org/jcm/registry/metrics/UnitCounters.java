package org.jcm.registry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferExecuted;

/**
 * Counts what committed events did to units: {@code jcm_units_total{operation,party,vintage}}
 * (issued, transferred, cancelled, retired; by the units' host Party and vintage) and
 * {@code jcm_corresponding_adjustments_total{party}}. Labels are Party codes, vintages and four
 * operation names, never accounts, so the series stay few. A pending transfer counts as
 * transferred when it executes ({@code PendingTransferExecuted}), not when it is pended.
 */
final class UnitCounters {

    private final MeterRegistry registry;

    UnitCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one committed event; events that move no units count nothing. */
    void count(LedgerEvent event) {
        if (event instanceof CreditsIssued issued) {
            units("issued", issued.hostParty().value(), issued.vintage().year(), issuedQuantity(issued));
        } else if (event instanceof CreditsTransferred transferred) {
            ranges("transferred", transferred.ranges());
        } else if (event instanceof PendingTransferExecuted executed) {
            ranges("transferred", executed.ranges());
        } else if (event instanceof CreditsCancelled cancelled) {
            ranges("cancelled", cancelled.ranges());
        } else if (event instanceof CreditsRetired retired) {
            ranges("retired", retired.ranges());
        } else if (event instanceof CorrespondingAdjustmentApplied adjustment) {
            Counter.builder("jcm.corresponding.adjustments").tag("party", adjustment.party().value())
                    .description("Corresponding adjustments applied, by the adjusting Party").register(registry).increment();
        }
    }

    private static long issuedQuantity(CreditsIssued issued) {
        long total = 0;
        for (IssuedAllocation allocation : issued.allocations()) {
            total += allocation.last() - allocation.first() + 1;
        }
        return total;
    }

    private void ranges(String operation, List<BlockRange> ranges) {
        for (BlockRange range : ranges) {
            units(operation, range.hostParty().value(), range.vintage().year(), range.size());
        }
    }

    private void units(String operation, String party, int vintage, long quantity) {
        Counter.builder("jcm.units").tag("operation", operation).tag("party", party).tag("vintage", Integer.toString(vintage))
                .description("Units issued, transferred, cancelled and retired (committed), by host Party and vintage")
                .register(registry).increment(quantity);
    }
}
