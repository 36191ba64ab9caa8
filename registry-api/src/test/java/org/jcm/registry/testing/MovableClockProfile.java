package org.jcm.registry.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service with a ledger clock the test moves ({@link MovableClock}), on a database of its own
 * ({@code movable_clock}, since its events lie days ahead of the real time), checking for due
 * pending transfers and proposals every 100 ms ({@code jcm.writer.due-check-interval}).
 */
public class MovableClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return config("movable_clock", "PT0.1S");
    }

    static Map<String, String> config(String database, String dueCheckInterval) {
        Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource(database));
        // Every Quarkus start in the test JVM shares one broker; two ledgers must not mix on one topic.
        config.put("jcm.outbox.topic", database.replace('_', '-') + "-test.events");
        config.put("jcm.checkpoint.topic", database.replace('_', '-') + "-test.checkpoints");
        config.put("jcm.writer.due-check-interval", dueCheckInterval);
        return config;
    }

    /**
     * As {@link MovableClockProfile} (database {@code due_at_start}), but the writer checks for due
     * actions only when it becomes active (the interval is an hour): what comes due while it runs waits
     * for the next activation, as if the service had been down.
     */
    public static class DueOnlyAtStart extends MovableClockProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return config("due_at_start", "PT1H");
        }
    }
}
