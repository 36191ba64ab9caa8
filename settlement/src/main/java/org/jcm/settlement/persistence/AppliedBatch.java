package org.jcm.settlement.persistence;

import java.util.List;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeLeg;

/** What one committed batch changed that subscribers of the stream want to hear about. */
public record AppliedBatch(List<TradeLeg> legs, List<Bar> bars, List<RegisteredTrade> tradesChanged) {
}
