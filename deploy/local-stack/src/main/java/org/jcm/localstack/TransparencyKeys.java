package org.jcm.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.ledger.proof.KeyFile;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The transparency log's keys of a local stack (docs/transparency-log.md), kept in the data folder
 * ({@code keys/}): the log key with which registry-api signs checkpoints and the witness's key with
 * which settlement cosigns them, both made here on the first start so that each service can pin the
 * other's verifier key. Neither is ever stored in PostgreSQL.
 */
public final class TransparencyKeys {

    /** The log's origin and key name in a local stack. */
    public static final String ORIGIN = "jcm.local/ledger";
    /** The witness's key name in a local stack. */
    public static final String WITNESS = "jcm.local/witness";

    private final Path logKey;
    private final Path witnessKey;

    /** The keys in {@code folder}. */
    public TransparencyKeys(Path folder) {
        this.logKey = folder.resolve("log.key");
        this.witnessKey = folder.resolve("witness.key");
    }

    /** registry-api's checkpoint settings: the log key file, the origin and the witness whose cosignatures it collects. */
    public Map<String, String> registryEnvironment() {
        loadOrCreateLogKey();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JCM_CHECKPOINT_ORIGIN", ORIGIN);
        environment.put("JCM_CHECKPOINT_SIGNING_KEY_FILE", logKey.toAbsolutePath().toString());
        environment.put("JCM_CHECKPOINT_WITNESS_KEYS", loadOrCreateWitnessKey().verifierKey());
        return environment;
    }

    /** settlement's witness settings: the pinned log verifier key and the witness's own key file. */
    public Map<String, String> settlementEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JCM_WITNESS_ENABLED", "true");
        environment.put("JCM_WITNESS_NAME", WITNESS);
        environment.put("JCM_WITNESS_ORIGIN", ORIGIN);
        environment.put("JCM_WITNESS_LOG_KEY", loadOrCreateLogKey().verifierKey());
        environment.put("JCM_WITNESS_SIGNING_KEY_FILE", witnessKey.toAbsolutePath().toString());
        environment.put("JCM_WITNESS_GENERATE_KEY", "true");
        return environment;
    }

    /** The log key, generated first (Ed25519, named {@link #ORIGIN}) if its file does not exist. */
    NoteKeys.Signer loadOrCreateLogKey() {
        return KeyFile.load(logKey, ORIGIN, NoteKeys.ED25519, true).signer();
    }

    /**
     * The witness's key, generated first (a cosignature key named {@link #WITNESS}) if its file does
     * not exist: made here rather than by settlement so that registry-api, started first, knows
     * whose cosignatures to collect.
     */
    NoteKeys.Signer loadOrCreateWitnessKey() {
        return KeyFile.load(witnessKey, WITNESS, NoteKeys.COSIGNATURE_V1, true).signer();
    }
}
