package org.jcm.registry.transparency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The transparency log's settings, {@code jcm.checkpoint.*} (docs/transparency-log.md, docs/operations.md). */
@ConfigMapping(prefix = "jcm.checkpoint")
public interface CheckpointConfig {

    /** Whether this instance signs checkpoints of what its writer commits. */
    @WithDefault("true")
    boolean enabled();

    /** The log's name: the checkpoints' origin line and the signing key's name. */
    @WithDefault("jcm-registry.example/ledger")
    String origin();

    /**
     * The file holding the log's signer key string ({@code PRIVATE+KEY+<origin>+<key id>+<key>}),
     * mounted from a secret; never stored in PostgreSQL. Required when enabled.
     */
    Optional<Path> signingKeyFile();

    /** Create the key file with a new key if it is missing (development, tests and the local stack only). */
    @WithDefault("false")
    boolean generateKey();

    /** A checkpoint is signed after this many new entries... */
    @WithDefault("1000")
    int everyEntries();

    /** ...or this long after the previous one if the ledger has grown, whichever comes first. */
    @WithDefault("PT10S")
    Duration every();

    /**
     * Most new entries one checkpoint covers: a longer backlog (checkpoints switched on over a long
     * ledger) is signed in steps, so that each step's tiles fit one moderate transaction.
     */
    @WithDefault("1048576")
    int maxEntries();

    /** The Kafka topic checkpoints are published on. */
    @WithDefault("jcm.ledger.checkpoints")
    String topic();

    /** The Kafka topic witnesses publish their cosignatures on. */
    @WithDefault("jcm.ledger.cosignatures")
    String cosignatureTopic();

    /** The verifier key strings of the witnesses whose cosignatures are stored and served. */
    Optional<java.util.List<String>> witnessKeys();
}
