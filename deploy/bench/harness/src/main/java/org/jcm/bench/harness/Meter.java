package org.jcm.bench.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts and latencies of one measured phase, safe to record into from any thread (the HTTP
 * client's event loops). Latencies are kept in microseconds in an HdrHistogram {@link Recorder};
 * {@link #interval()} hands out what was recorded since the last call, for progress lines, and
 * adds it to the phase's total.
 */
final class Meter {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder units = new LongAdder();
    private final LongAdder failedUnits = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private Histogram recycled;

    /** Records one completed request: its latency (from its planned or actual start) and outcome. */
    void record(long latencyNanos, Outcome outcome) {
        recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        requests.increment();
        units.add(outcome.units());
        if (outcome.error() != null) {
            failedUnits.add(outcome.failedUnits());
            errors.computeIfAbsent(outcome.error(), e -> new LongAdder()).add(outcome.failedUnits());
        }
    }

    /** Records a request that got no answer in time: an error, with no latency (it has none to give). */
    void recordUnanswered(String error) {
        requests.increment();
        failedUnits.increment();
        errors.computeIfAbsent(error, e -> new LongAdder()).increment();
    }

    /** The latencies since the previous call (microseconds), also added to the total. */
    synchronized Histogram interval() {
        Histogram interval = recorder.getIntervalHistogram(recycled);
        total.add(interval);
        recycled = interval;
        return interval.copy();
    }

    long requests() {
        return requests.sum();
    }

    long units() {
        return units.sum();
    }

    long failedUnits() {
        return failedUnits.sum();
    }

    /** Everything recorded, the latencies in microseconds. */
    synchronized Snapshot snapshot() {
        interval();
        Map<String, Long> byError = new TreeMap<>();
        errors.forEach((error, count) -> byError.put(error, count.sum()));
        return new Snapshot(total.copy(), requests.sum(), units.sum(), failedUnits.sum(), byError);
    }

    /**
     * A phase's figures.
     *
     * @param latencyMicros every recorded latency, in microseconds
     * @param requests requests completed or given up on
     * @param units units of work done (requests, or accepted batch items)
     * @param failedUnits units that failed
     * @param errors failed units by reason
     */
    record Snapshot(Histogram latencyMicros, long requests, long units, long failedUnits, Map<String, Long> errors) {

        double millisAt(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }
}
