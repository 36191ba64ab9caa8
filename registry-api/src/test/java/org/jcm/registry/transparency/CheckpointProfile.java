package org.jcm.registry.transparency;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.registry.testing.LedgerStreamProfile;

/**
 * A ledger of its own for the transparency-log tests (they rewrite history and make the writer
 * fail), with its own checkpoint topics, a checkpoint every 50 entries or second covering at most 40 new entries, a self-check every
 * second, and one witness whose cosignatures it collects.
 */
public class CheckpointProfile implements QuarkusTestProfile {

    /** Smaller than the transfers the tests add at once, so that a backlog is signed in steps. */
    static final int MAX_ENTRIES = 40;
    static final String TOPIC = "checkpoint-test.checkpoints";
    static final String COSIGNATURE_TOPIC = "checkpoint-test.cosignatures";
    /**
     * The witness whose cosignatures this registry collects: a key for these tests only, written out
     * because the profile and the test may run in different class loaders.
     */
    static final NoteKeys.KeyStrings WITNESS = new NoteKeys.KeyStrings(
            "PRIVATE+KEY+jcm.local/witness+9c28086e+BBfjuwKrP8xw5U0NFjF513w/k5olTU12o8lMobUkekGJ",
            "jcm.local/witness+9c28086e+BM6Wza6VFs8R2uW8oXvKVlLTmMZ/smYHOKtghxEwNH/9");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("checkpoints"));
        config.put("jcm.outbox.topic", "checkpoint-test.events");
        config.put("jcm.checkpoint.topic", TOPIC);
        config.put("jcm.checkpoint.every-entries", "50");
        config.put("jcm.checkpoint.every", "PT1S");
        config.put("jcm.checkpoint.max-entries", Integer.toString(MAX_ENTRIES));
        config.put("jcm.writer.self-check-interval", "PT1S");
        config.put("jcm.checkpoint.cosignature-topic", COSIGNATURE_TOPIC);
        config.put("jcm.checkpoint.witness-keys", WITNESS.verifierKey());
        return config;
    }
}
