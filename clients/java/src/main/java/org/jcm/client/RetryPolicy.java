package org.jcm.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to send a request again: on 503 (the writer is failing over, a dependency is not ready) and
 * 429 (the rate limit), and on a connection failure of a request that is safe to repeat, at most
 * {@code maxAttempts} times in all. The pause is the answer's {@code Retry-After} (seconds or an
 * HTTP date); without one it doubles from {@code firstPause}. A server that asks for a pause longer
 * than {@code longestPause} is not retried: its answer is returned, so the caller sees the problem
 * rather than a client that hangs.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param firstPause the pause before the second attempt when the server names none
 * @param longestPause the longest pause the client waits
 * @param sleeper how the client pauses (tests record the pauses instead of waiting)
 */
public record RetryPolicy(int maxAttempts, Duration firstPause, Duration longestPause, Sleeper sleeper) {

    /** Pauses the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        /** Pauses for {@code pause}. */
        void sleep(Duration pause) throws InterruptedException;
    }

    /** 4 attempts, 1 s doubling, at most 60 s per pause. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60),
            pause -> Thread.sleep(pause.toMillis()));

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** The same policy with {@code attempts} attempts in all. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, firstPause, longestPause, sleeper);
    }

    /** Whether an answer of {@code status} is worth repeating the request for. */
    public static boolean retryable(int status) {
        return status == 503 || status == 429;
    }

    /**
     * The pause before attempt {@code attempt + 1} after an answer with {@code headers} (null after a
     * connection failure), or empty when the client should not wait that long.
     */
    public Optional<Duration> pause(HttpHeaders headers, int attempt) {
        Duration pause = headers == null ? null : retryAfter(headers.firstValue("Retry-After").orElse(null));
        if (pause == null) {
            pause = firstPause.multipliedBy(1L << Math.min(attempt - 1, 16));
            return Optional.of(pause.compareTo(longestPause) > 0 ? longestPause : pause);
        }
        return pause.compareTo(longestPause) > 0 ? Optional.empty() : Optional.of(pause);
    }

    /** A {@code Retry-After} value as a pause: delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            return text.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text,
                    DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
