package org.jcm.settlement.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The bar intervals of the OHLCV feed, aligned to UTC: a bar holds trades whose event time falls in it. */
public enum BarInterval {
    ONE_MINUTE("1m", ChronoUnit.MINUTES),
    ONE_HOUR("1h", ChronoUnit.HOURS),
    ONE_DAY("1d", ChronoUnit.DAYS);

    private final String code;
    private final ChronoUnit unit;

    BarInterval(String code, ChronoUnit unit) {
        this.code = code;
        this.unit = unit;
    }

    /** The code used in the API and the database: {@code 1m}, {@code 1h}, {@code 1d}. */
    public String code() {
        return code;
    }

    /** The start of the interval containing {@code at}; UTC days start at midnight UTC. */
    public Instant bucketStart(Instant at) {
        return at.truncatedTo(unit);
    }

    /** The start of the next interval. */
    public Instant next(Instant bucketStart) {
        return bucketStart.plus(1, unit);
    }

    /** The interval with this code. */
    public static Optional<BarInterval> of(String code) {
        for (BarInterval interval : values()) {
            if (interval.code.equals(code)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }
}
