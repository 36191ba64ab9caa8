package org.jcm.settlement.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeLeg;
import org.jcm.settlement.trade.TradeStatus;

/**
 * What settled trades add to the public market data: the trade feed, OHLCV bars and last prices.
 * Only trades a venue registered and its seller delivered (SETTLED) get here, at the price the
 * venue registered and the time of the delivering transfer, so nobody but the venue puts a price
 * under its name. Aggregated in memory so that each bar and last price is written once.
 */
public final class MarketEffects {

    /** The last price of one instrument in one currency. */
    public record LastPrice(String instrument, String currency, BigDecimal pricePerTonne, Instant at, long seq) {
    }

    private final List<TradeLeg> trades = new ArrayList<>();
    private final Map<BarKey, BarDelta> bars = new LinkedHashMap<>();
    private final Map<String, LastPrice> lastPrices = new LinkedHashMap<>();

    private MarketEffects() {
    }

    /**
     * The effects of these settled trades, taken in the ledger order of their delivering transfers;
     * a trade of a venue with sessions that settled inside one also goes into that session's bar.
     */
    public static MarketEffects of(List<RegisteredTrade> settled, SessionCalendar sessions) {
        MarketEffects effects = new MarketEffects();
        settled.stream()
                .filter(t -> t.status() == TradeStatus.SETTLED)
                .sorted(Comparator.comparingLong(RegisteredTrade::statusSeq))
                .forEach(t -> effects.add(TradeLeg.settled(t), sessions));
        return effects;
    }

    private void add(TradeLeg leg, SessionCalendar sessions) {
        trades.add(leg);
        String instrument = leg.instrument().code();
        for (BarInterval interval : BarInterval.values()) {
            Instant start = interval.bucketStart(leg.at());
            addToBar(new BarKey(instrument, leg.currency(), interval.code(), start, interval.next(start)), leg);
        }
        sessions.sessionOf(leg.venue(), leg.at()).ifPresent(session -> addToBar(new BarKey(instrument, leg.currency(),
                SessionCalendar.code(leg.venue()), session.start(), session.end()), leg));
        lastPrices.put(instrument + "|" + leg.currency(),
                new LastPrice(instrument, leg.currency(), leg.pricePerTonne(), leg.at(), leg.seq()));
    }

    private void addToBar(BarKey key, TradeLeg leg) {
        bars.computeIfAbsent(key, BarDelta::new).add(leg.seq(), leg.pricePerTonne(), leg.quantity());
    }

    /** Whether no trade settled. */
    public boolean isEmpty() {
        return trades.isEmpty();
    }

    /** The settled trades as the trade feed shows them, in ledger order. */
    public List<TradeLeg> trades() {
        return trades;
    }

    public Map<BarKey, BarDelta> bars() {
        return bars;
    }

    public Map<String, LastPrice> lastPrices() {
        return lastPrices;
    }
}
