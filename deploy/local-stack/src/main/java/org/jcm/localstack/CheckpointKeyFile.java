package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The transparency log's signing key of a stack (docs/transparency-log.md), kept in the data folder
 * (as a production registry keeps it in a mounted secret, never in PostgreSQL): generated on first
 * start, readable by its owner only. registry-api signs checkpoints with it; settlement, the
 * witness, pins its verifier key. The log's name is {@link #ORIGIN}.
 */
public final class CheckpointKeyFile {

    /** The local stack's log name: the checkpoints' origin. */
    public static final String ORIGIN = "jcm.local/ledger";

    private CheckpointKeyFile() {
    }

    /**
     * The environment that gives registry-api the key file and settlement the log's verifier key,
     * generating the key first if {@code file} does not exist.
     */
    public static Map<String, String> environment(Path file) {
        String signerKey = loadOrCreate(file);
        return Map.of("JCM_CHECKPOINT_ORIGIN", ORIGIN,
                "JCM_CHECKPOINT_SIGNING_KEY_FILE", file.toAbsolutePath().toString(),
                "JCM_WITNESS_LOG_KEY", NoteKeys.signer(signerKey).verifierKey());
    }

    /** The signer key string in {@code file}, generated first if the file does not exist. */
    static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, NoteKeys.generate(ORIGIN, NoteKeys.ED25519).signerKey() + "\n",
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system; the data folder's own permissions apply.
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the checkpoint signing key " + file, e);
        }
    }
}
