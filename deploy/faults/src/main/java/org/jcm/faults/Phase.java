package org.jcm.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one fault's load phase and what became of each: the load generator records
 * every request before it is sent and every answer (or failure) when it comes.
 */
public final class Phase {

    private final String name;
    private final String keyPrefix;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    public Phase(String name, String keyPrefix) {
        this.name = name;
        this.keyPrefix = keyPrefix;
    }

    public String name() {
        return name;
    }

    /** A new Idempotency-Key, recorded as sent and not yet answered. */
    public String nextKey() {
        String key = keyPrefix + counter.incrementAndGet();
        pending.put(key, Boolean.TRUE);
        sentNanos.put(key, System.nanoTime());
        return key;
    }

    /** Records the first answer (or its absence) for a key. */
    public void record(Outcome outcome) {
        if (!pending.containsKey(outcome.key()) && !outcomes.containsKey(outcome.key())) {
            throw new IllegalArgumentException("Not a key of this phase: " + outcome.key());
        }
        outcomes.putIfAbsent(outcome.key(), outcome);
        pending.remove(outcome.key());
    }

    /** Records what the ledger and the retry showed for an unknown outcome. */
    public void resolve(String key, Outcome.Resolution resolution) {
        outcomes.computeIfPresent(key, (k, outcome) -> {
            if (outcome.state() != Outcome.State.UNKNOWN) {
                throw new IllegalStateException("Only unknown outcomes are resolved: " + k + " is " + outcome.state());
            }
            return outcome.resolved(resolution);
        });
    }

    /** Records every request still waiting for its answer as unanswered (unknown). */
    public void abandonPending(long nanos) {
        for (String key : List.copyOf(pending.keySet())) {
            record(Outcome.noAnswer(key, nanos));
        }
    }

    /** Requests sent whose answer has not been recorded yet. */
    public int pendingCount() {
        return pending.size();
    }

    public Collection<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    public List<Outcome> unknown() {
        List<Outcome> unknown = new ArrayList<>();
        for (Outcome outcome : outcomes.values()) {
            if (outcome.state() == Outcome.State.UNKNOWN) {
                unknown.add(outcome);
            }
        }
        return unknown;
    }

    public long count(Outcome.State state) {
        return outcomes.values().stream().filter(o -> o.state() == state).count();
    }

    /** The earliest answer time of a 201 at or after {@code nanos}, if any. */
    public OptionalLong firstAcknowledgedAfter(long nanos) {
        return outcomes.values().stream()
                .filter(o -> o.state() == Outcome.State.ACKNOWLEDGED && o.answeredNanos() >= nanos)
                .mapToLong(Outcome::answeredNanos).min();
    }

    /**
     * The earliest answer time of a 201 to a request sent at or after {@code nanos}, if any: a
     * request sent after a fault cannot have been committed before it.
     */
    public OptionalLong firstAcknowledgedSentAfter(long nanos) {
        return outcomes.values().stream()
                .filter(o -> o.state() == Outcome.State.ACKNOWLEDGED && sentNanos.getOrDefault(o.key(), Long.MIN_VALUE) >= nanos)
                .mapToLong(Outcome::answeredNanos).min();
    }

    /** Whether {@code key} was made by this phase. */
    public boolean owns(String key) {
        return key.startsWith(keyPrefix);
    }
}
