package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that only moves when the loop waits: time passes exactly as the schedule says. */
    private static final class ManualClock implements NanoClock {
        long now = 1_000 * MS;
        /** Extra time each wait takes, as a generator that wakes up late would. */
        long oversleep;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
            now = Math.max(now, deadlineNanos + oversleep);
        }
    }

    /** A server that serves one request at a time, each taking {@code serviceNanos}; answers carry their completion time. */
    private static final class SingleServer implements Target {
        private final ManualClock clock;
        private final long serviceNanos;
        private long freeAt;
        final List<Long> sentAt = new ArrayList<>();

        SingleServer(ManualClock clock, long serviceNanos) {
            this.clock = clock;
            this.serviceNanos = serviceNanos;
        }

        @Override
        public CompletableFuture<Outcome> send(long index) {
            sentAt.add(clock.nanoTime());
            long start = Math.max(clock.nanoTime(), freeAt);
            freeAt = start + serviceNanos;
            return CompletableFuture.completedFuture(Outcome.success(freeAt, 1));
        }
    }

    @Test
    void requests_are_due_at_start_plus_index_over_rate_without_drift() {
        assertThat(OpenLoop.dueNanos(0, 1000, 0)).isZero();
        assertThat(OpenLoop.dueNanos(0, 1000, 1)).isEqualTo(MS);
        assertThat(OpenLoop.dueNanos(0, 3, 3)).isEqualTo(1_000_000_000L);
        assertThat(OpenLoop.dueNanos(0, 3, 3_000_000)).isEqualTo(1_000_000_000_000_000L);
        assertThat(OpenLoop.dueNanos(5, 250, 250)).isEqualTo(1_000_000_005L);
    }

    @Test
    void a_server_faster_than_the_arrival_rate_shows_its_service_time() throws Exception {
        ManualClock clock = new ManualClock();
        SingleServer server = new SingleServer(clock, 2 * MS);
        Meter meter = new Meter();

        new OpenLoop(clock).run(server, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), meter);

        Meter.Snapshot figures = meter.snapshot();
        assertThat(figures.requests()).isEqualTo(100);
        assertThat(figures.units()).isEqualTo(100);
        assertThat(figures.latencyMicros().getMinValue()).isEqualTo(2000);
        assertThat(figures.latencyMicros().getMaxValue()).isBetween(1999L, 2001L);
        assertThat(server.sentAt.get(99) - server.sentAt.get(0)).isEqualTo(990 * MS);
    }

    @Test
    void latency_counts_from_the_due_time_so_the_queue_behind_a_slow_server_is_seen() throws Exception {
        // Requests every 5 ms, 10 ms of service each: request i is answered at 10 (i + 1) ms after the
        // start and was due at 5 i ms, so it waited 5 i + 10 ms. A closed loop would report 10 ms for all.
        ManualClock clock = new ManualClock();
        SingleServer server = new SingleServer(clock, 10 * MS);
        Meter meter = new Meter();

        new OpenLoop(clock).run(server, 200, Duration.ofMillis(500), Duration.ofSeconds(1), meter);

        Meter.Snapshot figures = meter.snapshot();
        assertThat(figures.requests()).isEqualTo(100);
        assertThat(figures.latencyMicros().getMinValue()).isEqualTo(10_000);
        assertThat(figures.latencyMicros().getMaxValue()).isBetween(504_000L, 505_500L);
        assertThat(figures.millisAt(50)).isBetween(254.0, 261.0);
    }

    @Test
    void a_generator_that_falls_behind_its_schedule_charges_the_delay_to_the_requests() throws Exception {
        // The loop wakes 3 ms late for every request (as a paused load generator would): each request is
        // sent 3 ms after it was due, and that lateness is part of its latency.
        ManualClock clock = new ManualClock();
        clock.oversleep = 3 * MS;
        SingleServer server = new SingleServer(clock, MS);
        Meter meter = new Meter();

        new OpenLoop(clock).run(server, 100, Duration.ofMillis(200), Duration.ofSeconds(1), meter);

        Meter.Snapshot figures = meter.snapshot();
        assertThat(figures.requests()).isEqualTo(20);
        assertThat(figures.latencyMicros().getMinValue()).isEqualTo(4_000);
        assertThat(figures.latencyMicros().getMaxValue()).isBetween(3_998L, 4_002L);
    }

    @Test
    void requests_never_answered_count_as_errors() throws Exception {
        ManualClock clock = new ManualClock();
        Meter meter = new Meter();
        Target silent = index -> index % 2 == 0
                ? CompletableFuture.completedFuture(Outcome.failure(clock.nanoTime() + MS, "HTTP 503 writer_overloaded"))
                : new CompletableFuture<>();

        new OpenLoop(clock).run(silent, 1000, Duration.ofMillis(10), Duration.ofMillis(1), meter);

        Meter.Snapshot figures = meter.snapshot();
        assertThat(figures.requests()).isEqualTo(10);
        assertThat(figures.units()).isZero();
        assertThat(figures.failedUnits()).isEqualTo(10);
        assertThat(figures.errors()).containsEntry("HTTP 503 writer_overloaded", 5L)
                .containsEntry("no answer within 0 s of the end", 5L);
        assertThat(figures.latencyMicros().getTotalCount()).isEqualTo(5);
    }
}
