package org.jcm.settlement.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jcm.settlement.api.BarView;
import org.jcm.settlement.api.TradeView;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.persistence.AppliedBatch;
import org.jcm.settlement.trade.TradeLeg;

/**
 * Fans committed trades and bar updates out to the subscribers of {@code /feeds/stream}. Events
 * are published only after their batch committed, so a subscriber never sees what a reader of the
 * database could not. A subscriber that falls further behind than the configured buffer is
 * disconnected (its stream fails) rather than slowing the consumer; SSE clients then reconnect.
 */
@ApplicationScoped
public class FeedBroadcaster {

    private final BroadcastProcessor<FeedEvent> processor = BroadcastProcessor.create();
    private final ObjectMapper json;
    private final SettlementConfig config;

    FeedBroadcaster(ObjectMapper json, SettlementConfig config) {
        this.json = json;
        this.config = config;
    }

    /** The live events, from the moment of subscription. */
    public Multi<FeedEvent> events() {
        return processor.onOverflow().buffer(config.feeds().streamBuffer());
    }

    /**
     * Publishes a committed batch; called only by the consumer's threads, one at a time (a batch's
     * writer, or the reader between batches for trades settled by their registration).
     */
    public void publish(AppliedBatch batch) {
        for (TradeLeg leg : batch.legs()) {
            processor.onNext(new FeedEvent("trade", leg.cursor(), write(TradeView.of(leg))));
        }
        int vwapScale = config.feeds().vwapScale();
        for (Bar bar : batch.bars()) {
            BarView view = BarView.of(bar, vwapScale);
            processor.onNext(new FeedEvent("bar", bar.instrument() + "/" + bar.currency() + "/" + bar.interval()
                    + "/" + view.start(), write(view)));
        }
    }

    /** Serialises one event's data. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed view could not be written as JSON", e);
        }
    }
}
