package org.jcm.registry.transparency;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.testing.LedgerStreamProfile;

/**
 * A ledger of its own for the transparency-log tests (they rewrite history and make the writer
 * fail), with its own checkpoint topic, a checkpoint every 50 entries or second, and a self-check
 * every second.
 */
public class CheckpointProfile implements QuarkusTestProfile {

    static final String TOPIC = "checkpoint-test.checkpoints";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("checkpoints"));
        config.put("jcm.outbox.topic", "checkpoint-test.events");
        config.put("jcm.checkpoint.topic", TOPIC);
        config.put("jcm.checkpoint.every-entries", "50");
        config.put("jcm.checkpoint.every", "PT1S");
        config.put("jcm.writer.self-check-interval", "PT1S");
        return config;
    }
}
