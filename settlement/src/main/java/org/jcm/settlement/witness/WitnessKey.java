package org.jcm.settlement.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.NoteKeys;

/**
 * Loads the witness's signing key from its file (a mounted secret), or creates the file with a new
 * key when it is missing and generating is allowed. The key is never written anywhere else.
 */
final class WitnessKey {

    private static final Logger LOG = Logger.getLogger(WitnessKey.class);

    private WitnessKey() {
    }

    /**
     * The witness's signer: a cosignature (0x04) key named {@code name}.
     *
     * @throws IllegalStateException if the file is missing (and may not be generated), unreadable,
     *         or holds another kind of key or a key of another name
     */
    static NoteKeys.Signer load(String file, String name, boolean generate) {
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                if (!generate) {
                    throw new IllegalStateException("the witness key file " + file + " does not exist; mount it, or set"
                            + " jcm.witness.generate-key=true to create one (local stacks and tests only)");
                }
                create(path, name);
            }
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            NoteKeys.Signer signer = NoteKeys.signer(text);
            if (signer.algorithm() != NoteKeys.COSIGNATURE_V1 || !signer.name().equals(name)) {
                throw new IllegalStateException("the witness key file " + file + " must hold a cosignature (0x04) key"
                        + " named " + name + ", not " + signer);
            }
            return signer;
        } catch (IOException e) {
            throw new IllegalStateException("the witness key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void create(Path path, String name) throws IOException {
        NoteKeys.KeyStrings key = NoteKeys.generate(name, NoteKeys.COSIGNATURE_V1);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.writeString(path, key.signerKey() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps its default permissions.
        }
        LOG.infof("Created the witness key file %s; verifier key %s", path, key.verifierKey());
    }
}
