package org.jcm.bench.harness;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * Runs one phase (a warm-up whose figures are dropped, then the measured part) with a progress
 * line every few seconds, and samples the registry's RSS and outbox lag while it runs.
 */
final class PhaseRunner {

    /** Requests still unanswered this long after a phase ends count as errors. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Console console;
    private final NanoClock clock;
    private final Duration progressEvery;
    private final RssSampler rss;
    private final MetricsProbe registryMetrics;
    private final long registryPid;
    private final long postmasterPid;

    PhaseRunner(Console console, NanoClock clock, Duration progressEvery, RssSampler rss, MetricsProbe registryMetrics,
                long registryPid, long postmasterPid) {
        this.console = console;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.rss = rss;
        this.registryMetrics = registryMetrics;
        this.registryPid = registryPid;
        this.postmasterPid = postmasterPid;
    }

    /**
     * A measured phase.
     *
     * @param figures counts and latencies of the measured part
     * @param seconds how long the measured part took
     * @param peakRssKib registry-api's peak RSS during the measured part
     * @param maxOutboxLagMillis the highest outbox lag sampled (every second) during the measured part, NaN if none
     * @param cpu CPU time used during the measured part
     */
    record Measured(Meter.Snapshot figures, double seconds, long peakRssKib, double maxOutboxLagMillis, CpuTimes cpu) {

        double throughput() {
            return figures.units() / seconds;
        }
    }

    /** Runs {@code target} in closed loop for {@code duration} without measuring it. */
    void unmeasured(String label, Target target, int clients, Duration duration) throws InterruptedException {
        console.step(label + " for " + duration.toSeconds() + " s (not counted)");
        new ClosedLoop(clock).run(target, clients, duration, DRAIN, new Meter());
    }

    Measured closed(String label, Target target, int clients, Duration warmup, Duration measure) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(clock);
        if (!warmup.isZero()) {
            console.step(label + ": warming up for " + warmup.toSeconds() + " s");
            loop.run(target, clients, warmup, DRAIN, new Meter());
        }
        Meter meter = new Meter();
        return watched(label, meter, () -> loop.run(target, clients, measure, DRAIN, meter) / 1e9);
    }

    Measured open(String label, Target target, double rate, Duration warmup, Duration measure) throws InterruptedException {
        OpenLoop loop = new OpenLoop(clock);
        if (!warmup.isZero()) {
            console.step(label + ": warming up for " + warmup.toSeconds() + " s");
            loop.run(target, rate, warmup, DRAIN, new Meter());
        }
        Meter meter = new Meter();
        return watched(label, meter, () -> {
            loop.run(target, rate, measure, DRAIN, meter);
            return measure.toNanos() / 1e9;
        });
    }

    private interface Body {
        double run() throws InterruptedException;
    }

    private Measured watched(String label, Meter meter, Body body) throws InterruptedException {
        console.step(label + ": measuring");
        rss.resetPeak();
        CpuTimes cpuBefore = CpuTimes.read(registryPid, postmasterPid);
        double[] maxLag = {Double.NaN};
        Thread watcher = new Thread(() -> watch(label, meter, maxLag), "progress");
        watcher.setDaemon(true);
        watcher.start();
        double seconds;
        try {
            seconds = body.run();
        } finally {
            watcher.interrupt();
            watcher.join(5_000);
        }
        CpuTimes cpu = CpuTimes.read(registryPid, postmasterPid).minus(cpuBefore);
        Meter.Snapshot figures = meter.snapshot();
        long peakRss = rss.resetPeak();
        synchronized (maxLag) {
            return new Measured(figures, seconds, peakRss, maxLag[0], cpu);
        }
    }

    private void watch(String label, Meter meter, double[] maxLag) {
        long started = System.nanoTime();
        long lastPrint = started;
        long lastUnits = 0;
        long lastFailed = 0;
        Histogram sinceLastPrint = new Histogram(3);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            OptionalDouble lag = registryMetrics.read("jcm_outbox_lag_millis", "");
            if (lag.isPresent()) {
                synchronized (maxLag) {
                    maxLag[0] = Double.isNaN(maxLag[0]) ? lag.getAsDouble() : Math.max(maxLag[0], lag.getAsDouble());
                }
            }
            sinceLastPrint.add(meter.interval());
            long now = System.nanoTime();
            if (now - lastPrint >= progressEvery.toNanos()) {
                long units = meter.units();
                long failed = meter.failedUnits();
                console.step(String.format(Locale.ROOT, "  %s: %,.0f/s, p50 %s ms, p99 %s ms, max %s ms, errors %d, RSS %d MiB%s",
                        label, (units - lastUnits) / ((now - lastPrint) / 1e9),
                        ms(sinceLastPrint, 50), ms(sinceLastPrint, 99), ms(sinceLastPrint, 100), failed - lastFailed,
                        rss.current().orElse(0) / 1024, lag.isPresent() ? String.format(Locale.ROOT, ", outbox lag %.0f ms", lag.getAsDouble()) : ""));
                sinceLastPrint.reset();
                lastPrint = now;
                lastUnits = units;
                lastFailed = failed;
            }
        }
    }

    private static String ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "n/a" : ResultTable.millis(micros.getValueAtPercentile(percentile) / 1000.0);
    }
}
