package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The transparency log's keys of a local stack (docs/transparency-log.md), kept in the data folder
 * ({@code keys/}): the log key with which registry-api signs checkpoints, made here on the first start
 * so that settlement's witness can pin its verifier key, and the file where the witness keeps its
 * own key (settlement creates it on its first start). Neither is ever stored in PostgreSQL.
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

    /** registry-api's checkpoint settings: the log key file and the origin. */
    public Map<String, String> registryEnvironment() {
        loadOrCreateLogKey();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JCM_CHECKPOINT_ORIGIN", ORIGIN);
        environment.put("JCM_CHECKPOINT_SIGNING_KEY_FILE", logKey.toAbsolutePath().toString());
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
        try {
            if (!Files.exists(logKey)) {
                Files.createDirectories(logKey.toAbsolutePath().getParent());
                Path temporary = logKey.resolveSibling(logKey.getFileName() + ".tmp");
                Files.writeString(temporary, NoteKeys.generate(ORIGIN, NoteKeys.ED25519).signerKey() + "\n",
                        StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system; the data folder's own permissions apply.
                }
                Files.move(temporary, logKey, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return NoteKeys.signer(Files.readString(logKey, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the log key " + logKey, e);
        }
    }
}
