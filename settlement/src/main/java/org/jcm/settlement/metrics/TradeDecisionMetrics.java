package org.jcm.settlement.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeStatus;

/**
 * {@code jcm_trades_decided_total{venue,outcome}}: registered trades that were decided (settled,
 * mismatched or failed), counted after the transaction that decided them committed: a batch of the
 * ledger consumer, the deadline sweep, or a registration that found its delivery already applied.
 * Venues are the exchanges that register trades, a short list, so the series stay few. A rebuild of
 * settlement's derived data decides the trades again and counts them again (docs/operations.md,
 * "Business metrics").
 */
@ApplicationScoped
public class TradeDecisionMetrics {

    private final MeterRegistry registry;

    TradeDecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the decided trades among {@code trades} (committed); trades still pending or cancelled count nothing. */
    public void decided(List<RegisteredTrade> trades) {
        for (RegisteredTrade trade : trades) {
            decided(trade.key().venue(), trade.status());
        }
    }

    /** Counts one committed decision of a trade of {@code venue}; other statuses count nothing. */
    public void decided(String venue, TradeStatus status) {
        if (status == TradeStatus.SETTLED || status == TradeStatus.MISMATCHED || status == TradeStatus.FAILED) {
            Counter.builder("jcm.trades.decided").tag("venue", venue).tag("outcome", status.name().toLowerCase(Locale.ROOT))
                    .description("Registered trades decided (committed), by venue and outcome: settled, mismatched, failed")
                    .register(registry).increment();
        }
    }
}
