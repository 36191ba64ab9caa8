package org.jcm.settlement.persistence;

import java.util.List;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeLeg;

/**
 * What one committed batch changed that subscribers of the stream want to hear about.
 *
 * @param legs the trades that entered the feeds (settled trades, one leg each), in ledger order
 * @param bars the bars those trades changed, as they are after the batch
 * @param tradesChanged the registered trades whose status the batch changed
 */
public record AppliedBatch(List<TradeLeg> legs, List<Bar> bars, List<RegisteredTrade> tradesChanged) {
}
