package org.jcm.settlement.witness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The witness's settings, under the prefix {@code jcm.witness} (docs/operations.md). */
@ConfigMapping(prefix = "jcm.witness")
public interface WitnessConfig {

    /** Whether the witness verifies and cosigns checkpoints; its tree is kept either way. */
    @WithDefault("false")
    boolean enabled();

    /** The witness's key name, which names it in its cosignature lines. */
    @WithDefault("jcm-settlement.example/witness")
    String name();

    /** The file that holds the witness's private key string ({@code PRIVATE+KEY+<name>+...}, algorithm 0x04). */
    @WithDefault("/etc/jcm/witness/witness.key")
    String signingKeyFile();

    /** Whether a missing key file is created with a new key (the local stack and tests; never in production). */
    @WithDefault("false")
    boolean generateKey();

    /** The registry's log verifier key string ({@code <origin>+<key id>+<key>}), pinned: required when enabled. */
    Optional<String> logKey();

    /** The origin every checkpoint must carry: the log's name. */
    @WithDefault("jcm-registry.example/ledger")
    String origin();

    /** The topic the registry publishes signed checkpoints to. */
    @WithDefault("jcm.ledger.checkpoints")
    String checkpointTopic();

    /** The topic the witness publishes its cosignatures to. */
    @WithDefault("jcm.ledger.cosignatures")
    String cosignatureTopic();

    /** How long one poll of the checkpoint topic waits, and how often a waiting checkpoint looks at the tree again. */
    @WithDefault("PT0.2S")
    Duration pollTimeout();

    /** How long the witness waits before it starts over after a failure (for example PostgreSQL down). */
    @WithDefault("PT2S")
    Duration retryBackoff();
}
