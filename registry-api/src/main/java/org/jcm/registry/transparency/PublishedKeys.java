package org.jcm.registry.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The keys anyone needs to check the log, as {@code GET /api/v1/ledger/keys} publishes them: the
 * log's verifier key, derived from the signing key this instance holds (its file, never
 * PostgreSQL), and the witnesses' verifier keys from {@code jcm.checkpoint.witness-keys}. A client
 * should pin the log key it got once (or out of band), not fetch it anew with every checkpoint: a
 * registry that served a forged checkpoint could serve a forged key beside it.
 */
@ApplicationScoped
public class PublishedKeys {

    private final CheckpointConfig config;
    private final Checkpointer checkpointer;

    PublishedKeys(CheckpointConfig config, Checkpointer checkpointer) {
        this.config = config;
        this.checkpointer = checkpointer;
    }

    /** Whether this instance serves the transparency log ({@code jcm.checkpoint.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /** The log's name, the checkpoints' origin. */
    public String origin() {
        return config.origin();
    }

    /**
     * The log's verifier key string, {@code <origin>+<key id>+<base64(0x01 || public key)>}.
     *
     * @throws IllegalStateException when checkpoints are disabled or the key file cannot be read
     */
    public String logKey() {
        if (!config.enabled()) {
            throw new IllegalStateException("checkpoints are disabled: this instance holds no log key");
        }
        return checkpointer.signer().verifierKey();
    }

    /** The witnesses' verifier key strings as configured, in order; empty when none is. */
    public List<String> witnessKeys() {
        return config.witnessKeys().orElse(List.of()).stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}
