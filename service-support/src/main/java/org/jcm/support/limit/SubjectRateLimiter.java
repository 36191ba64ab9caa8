package org.jcm.support.limit;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A token bucket per subject: each subject may spend up to {@code burst} requests at once, and
 * earns {@code ratePerSecond} back per second up to {@code burst}. Lock-free: a bucket's state is
 * one immutable value swapped by compare-and-set, and buckets live in a concurrent map.
 *
 * <p>Memory is bounded: when the map holds {@code maxSubjects} buckets and a new subject arrives,
 * the buckets that have refilled to the brim are dropped (a full bucket is the same as none). If
 * every bucket is still in use, arbitrary ones are dropped until there is room; those subjects
 * start again with a full bucket, which errs on the side of letting requests through.
 */
public final class SubjectRateLimiter {

    /** What the limiter decided: allowed, or refused with the whole seconds after which one request would pass. */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    private record State(double tokens, long atNanos) {
    }

    private final double ratePerNano;
    private final double ratePerSecond;
    private final double burst;
    private final int maxSubjects;
    private final LongSupplier nanoTime;
    private final Map<String, AtomicReference<State>> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /**
     * @param ratePerSecond requests earned back per second, more than 0
     * @param burst the most requests a subject may send at once, at least 1
     * @param maxSubjects the most subjects remembered at once, at least 1
     * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     */
    public SubjectRateLimiter(double ratePerSecond, int burst, int maxSubjects, LongSupplier nanoTime) {
        if (!(ratePerSecond > 0) || burst < 1 || maxSubjects < 1) {
            throw new IllegalArgumentException("rate " + ratePerSecond + ", burst " + burst + ", subjects " + maxSubjects);
        }
        this.ratePerSecond = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.maxSubjects = maxSubjects;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Takes one request from the subject's bucket, or says how long to wait if it is empty. */
    public Decision acquire(String subject) {
        long now = nanoTime.getAsLong();
        AtomicReference<State> bucket = buckets.get(subject);
        if (bucket == null) {
            if (buckets.size() >= maxSubjects) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(subject, ignored -> new AtomicReference<>(new State(burst, now)));
        }
        while (true) {
            State state = bucket.get();
            double tokens = refilled(state, now);
            if (tokens < 1) {
                long wait = (long) Math.ceil((1 - tokens) / ratePerSecond);
                return new Decision(false, Math.max(1, wait));
            }
            if (bucket.compareAndSet(state, new State(tokens - 1, Math.max(now, state.atNanos())))) {
                return Decision.ALLOWED;
            }
        }
    }

    /** How many subjects have a bucket now. */
    public int subjects() {
        return buckets.size();
    }

    private double refilled(State state, long now) {
        long elapsed = now - state.atNanos();
        return elapsed <= 0 ? state.tokens() : Math.min(burst, state.tokens() + elapsed * ratePerNano);
    }

    private void makeRoom(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            buckets.values().removeIf(bucket -> refilled(bucket.get(), now) >= burst);
            Iterator<String> subjects = buckets.keySet().iterator();
            while (buckets.size() >= maxSubjects && subjects.hasNext()) {
                subjects.next();
                subjects.remove();
            }
        } finally {
            sweeping.set(false);
        }
    }
}
