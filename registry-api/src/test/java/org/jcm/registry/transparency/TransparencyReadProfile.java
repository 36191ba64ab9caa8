package org.jcm.registry.transparency;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.testing.LedgerStreamProfile;

/**
 * A ledger of its own for the transparency log's reads, so that the tests know every event that
 * touched their units, with a checkpoint every 20 entries or second and one known witness (the
 * key of docs/transparency-log.md's example), whose cosignatures the tests store themselves.
 */
public class TransparencyReadProfile implements QuarkusTestProfile {

    /** The witness's signer key string (cosignature key, 0x04). */
    static final String WITNESS_SIGNER = "PRIVATE+KEY+jcm.local/witness+9426ceb9+BMpfdSaUx8FDc7o2j0jMNMw6tNM2L1/aRmnJwtXtE2UG";
    /** The witness's verifier key string. */
    static final String WITNESS_KEY = "jcm.local/witness+9426ceb9+BLgx7/p1u0X0lfemBgSIAJet79//lT4PLSc26htv87aQ";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("transparency_reads"));
        config.put("jcm.outbox.topic", "transparency-reads-test.events");
        config.put("jcm.checkpoint.topic", "transparency-reads-test.checkpoints");
        config.put("jcm.checkpoint.cosignature-topic", "transparency-reads-test.cosignatures");
        config.put("jcm.checkpoint.every-entries", "20");
        config.put("jcm.checkpoint.every", "PT1S");
        config.put("jcm.checkpoint.witness-keys", WITNESS_KEY);
        return config;
    }

    /** The same service with checkpoints switched off, on a database of its own. */
    public static class Disabled implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("transparency_disabled"));
            config.put("jcm.outbox.topic", "transparency-disabled-test.events");
            config.put("jcm.checkpoint.enabled", "false");
            return config;
        }
    }
}
