package org.jcm.settlement.feed;

import java.math.BigDecimal;

/**
 * The trades of one batch that fall in one bar, aggregated so that a batch writes each bar once.
 * Trades must be added in ledger order: the first gives the open, the last the close.
 */
public final class BarDelta {

    private final BarKey key;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private long volume;
    private BigDecimal notional = BigDecimal.ZERO;
    private long tradeCount;
    private long openSeq;
    private long closeSeq;

    /** An empty bar. */
    public BarDelta(BarKey key) {
        this.key = key;
    }

    /** Adds one trade leg, later in ledger order than every leg added before. */
    public void add(long seq, BigDecimal price, long quantity) {
        if (tradeCount == 0) {
            open = price;
            high = price;
            low = price;
            openSeq = seq;
        } else {
            high = price.compareTo(high) > 0 ? price : high;
            low = price.compareTo(low) < 0 ? price : low;
        }
        close = price;
        closeSeq = seq;
        volume += quantity;
        notional = notional.add(price.multiply(BigDecimal.valueOf(quantity)));
        tradeCount++;
    }

    public BarKey key() {
        return key;
    }

    public BigDecimal open() {
        return open;
    }

    public BigDecimal high() {
        return high;
    }

    public BigDecimal low() {
        return low;
    }

    public BigDecimal close() {
        return close;
    }

    public long volume() {
        return volume;
    }

    public BigDecimal notional() {
        return notional;
    }

    public long tradeCount() {
        return tradeCount;
    }

    public long openSeq() {
        return openSeq;
    }

    public long closeSeq() {
        return closeSeq;
    }
}
