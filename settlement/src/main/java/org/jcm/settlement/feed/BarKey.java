package org.jcm.settlement.feed;

import java.time.Instant;

/**
 * Identifies one bar: instrument, currency, interval code ({@code 1m}, {@code 1h}, {@code 1d}, or
 * {@code session:<venue>}) and the start of the interval; {@code bucketEnd} (exclusive) follows from
 * them.
 */
public record BarKey(String instrument, String currency, String interval, Instant bucketStart, Instant bucketEnd) {
}
