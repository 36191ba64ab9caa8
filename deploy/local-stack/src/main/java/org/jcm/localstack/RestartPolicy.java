package org.jcm.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When the local stack restarts a service that died (docs/local-stack.md, "A service that dies"):
 * after a backoff that doubles with each death in the window (1 s, 2 s, 4 s ... up to
 * {@code maxBackoff}), and at most {@code limit} times in any {@code window}; past that it gives up
 * and leaves the service down, as a supervisor would rather than restarting a crash loop forever.
 * A limit of 0 turns restarting off. Not thread-safe: one per service, called from its exit handler.
 */
final class RestartPolicy {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final int limit;
    private final Duration window;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartPolicy(int limit, Duration window, Duration firstBackoff, Duration maxBackoff) {
        if (limit < 0) {
            throw new IllegalArgumentException("The restart limit cannot be negative: " + limit);
        }
        this.limit = limit;
        this.window = window;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** The stack's policy: {@code limit} restarts in ten minutes, backoff from 1 s to 30 s. */
    static RestartPolicy standard(int limit) {
        return new RestartPolicy(limit, WINDOW, FIRST_BACKOFF, MAX_BACKOFF);
    }

    /**
     * A restart decided at a death.
     *
     * @param attempt which restart this is within the window (1 for the first)
     * @param limit the most the window allows
     * @param delay how long to wait before starting the service again
     */
    record Restart(int attempt, int limit, Duration delay) {
    }

    /** Called when the service died at {@code now}: a restart to make, or empty to give up. */
    Optional<Restart> onDeath(Instant now) {
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= limit) {
            return Optional.empty();
        }
        restarts.addLast(now);
        int attempt = restarts.size();
        return Optional.of(new Restart(attempt, limit, backoff(attempt)));
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }

    private Duration backoff(int attempt) {
        Duration delay = firstBackoff;
        for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
