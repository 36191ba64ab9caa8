package org.jcm.support.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on its own, with a clock the test moves. */
class SubjectRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SubjectRateLimiter limiter(double rate, int burst, int subjects) {
        return new SubjectRateLimiter(rate, burst, subjects, now::get);
    }

    @Test
    void a_subject_spends_its_burst_then_is_refused_with_the_seconds_to_wait() {
        SubjectRateLimiter limiter = limiter(2, 5, 10);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("a").allowed()).as("request %d", i).isTrue();
        }
        SubjectRateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.acquire("b").allowed()).as("another subject has its own bucket").isTrue();
    }

    @Test
    void the_bucket_refills_at_the_rate_and_no_higher_than_the_burst() {
        SubjectRateLimiter limiter = limiter(2, 3, 10);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a").allowed()).isFalse();
        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("a").allowed()).as("half a second earns one at 2/s").isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        now.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        while (limiter.acquire("a").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("an hour idle refills to the burst, not beyond").isEqualTo(3);
    }

    @Test
    void a_slow_rate_says_to_wait_longer() {
        SubjectRateLimiter limiter = limiter(0.1, 1, 10);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").retryAfterSeconds()).isEqualTo(10);
        now.addAndGet(4_000_000_000L);
        assertThat(limiter.acquire("a").retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void memory_is_bounded_and_idle_subjects_go_first() {
        SubjectRateLimiter limiter = limiter(1, 2, 100);
        limiter.acquire("busy");
        limiter.acquire("busy");
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("s" + i);
            assertThat(limiter.subjects()).isLessThanOrEqualTo(100);
        }
        now.addAndGet(10_000_000_000L);
        for (int i = 0; i < 99; i++) {
            limiter.acquire("t" + i);
        }
        limiter.acquire("busy");
        limiter.acquire("busy");
        assertThat(limiter.subjects()).isLessThanOrEqualTo(100);
    }

    @Test
    void concurrent_requests_never_spend_more_than_the_burst() throws Exception {
        SubjectRateLimiter limiter = limiter(1, 500, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 200; i++) {
                        if (limiter.acquire("shared").allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(tasks)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
    }
}
