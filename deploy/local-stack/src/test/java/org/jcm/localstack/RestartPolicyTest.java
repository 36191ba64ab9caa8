package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void the_backoff_doubles_with_each_death_in_the_window_up_to_its_ceiling() {
        RestartPolicy policy = new RestartPolicy(7, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(delays(policy, 7)).containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
    }

    @Test
    void past_the_limit_in_the_window_it_gives_up() {
        RestartPolicy policy = RestartPolicy.standard(3);

        assertThat(delays(policy, 3)).containsExactly(1L, 2L, 4L);
        assertThat(policy.onDeath(T0.plusSeconds(4))).isEmpty();
        assertThat(policy.onDeath(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void deaths_older_than_the_window_no_longer_count_and_the_backoff_starts_over() {
        RestartPolicy policy = RestartPolicy.standard(2);
        delays(policy, 2);
        assertThat(policy.onDeath(T0.plus(Duration.ofMinutes(9)))).isEmpty();

        Optional<RestartPolicy.Restart> later = policy.onDeath(T0.plus(Duration.ofMinutes(10)).plusSeconds(1));

        assertThat(later).contains(new RestartPolicy.Restart(1, 2, Duration.ofSeconds(1)));
    }

    @Test
    void a_limit_of_zero_never_restarts_and_a_negative_one_is_refused() {
        assertThat(RestartPolicy.standard(0).onDeath(T0)).isEmpty();
        assertThatThrownBy(() -> RestartPolicy.standard(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The delays in seconds of {@code count} deaths one second apart from T0, each of which must be restarted. */
    private static long[] delays(RestartPolicy policy, int count) {
        long[] delays = new long[count];
        for (int i = 0; i < count; i++) {
            RestartPolicy.Restart restart = policy.onDeath(T0.plusSeconds(i)).orElseThrow();
            assertThat(restart.attempt()).isEqualTo(i + 1);
            delays[i] = restart.delay().toSeconds();
        }
        return delays;
    }
}
