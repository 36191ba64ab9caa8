package org.jcm.settlement.feed;

import java.time.Instant;

/** Identifies one bar: instrument, currency, interval and the UTC start of the interval. */
public record BarKey(String instrument, String currency, BarInterval interval, Instant bucketStart) {
}
