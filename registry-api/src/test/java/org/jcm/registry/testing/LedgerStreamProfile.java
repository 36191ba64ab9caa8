package org.jcm.registry.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the service on a database of its own ({@code ledger_stream}) on the shared server, because
 * the ledger-stream tests tamper with stored events and rows (and put them back); other tests
 * must not see that.
 */
public class LedgerStreamProfile implements QuarkusTestProfile {

    /** The database name. */
    public static final String DATABASE = "ledger_stream";
    /**
     * The topic this profile publishes to: not the default one, because every Quarkus start in the
     * test JVM shares one broker, and two ledgers must not mix on one topic.
     */
    public static final String TOPIC = "ledger-stream-test.events";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(datasource(DATABASE));
        config.put("jcm.outbox.topic", TOPIC);
        // Checkpoints too: at activation the writer checks its ledger against the latest one on Kafka.
        config.put("jcm.checkpoint.topic", "ledger-stream-test.checkpoints");
        return config;
    }

    /** The datasource settings of a database on the shared server, created with both roles if missing. */
    public static Map<String, String> datasource(String name) {
        return InfrastructureResource.datasource(name);
    }

    /** A ledger that stays empty: for what the API answers before the first event. */
    public static class Empty implements QuarkusTestProfile {

        /** The database name. */
        public static final String DATABASE = "ledger_empty";

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(datasource(DATABASE));
            config.put("jcm.outbox.topic", "ledger-empty-test.events");
            config.put("jcm.checkpoint.topic", "ledger-empty-test.checkpoints");
            // The writer would otherwise register the reference Parties as the first events.
            config.put("jcm.writer.bootstrap-parties", "false");
            return config;
        }
    }
}
