package org.jcm.registry.transparency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The log's signing key, read from a file (a mounted secret) and never from or into PostgreSQL: a
 * database owner who rewrites history cannot sign it. With {@code generate}, a missing file is
 * created with a new key, readable by its owner only (development, tests, the local stack).
 */
final class LogKey {

    private static final Logger LOG = Logger.getLogger(LogKey.class);

    private LogKey() {
    }

    /** Reads the signer from {@code file}, creating it first if it is missing and {@code generate}. */
    static NoteKeys.Signer load(Path file, String origin, boolean generate) {
        try {
            if (generate && !Files.exists(file)) {
                create(file, origin);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            NoteKeys.Signer signer = NoteKeys.signer(text);
            if (signer.algorithm() != NoteKeys.ED25519) {
                throw new IllegalStateException("The checkpoint signing key in " + file + " is not an Ed25519 (0x01) key");
            }
            if (!signer.name().equals(origin)) {
                throw new IllegalStateException("The checkpoint signing key in " + file + " is named " + signer.name()
                        + ", but jcm.checkpoint.origin is " + origin + "; the key's name is the log's origin");
            }
            return signer;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the checkpoint signing key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, String origin) throws IOException {
        NoteKeys.KeyStrings key = NoteKeys.generate(origin, NoteKeys.ED25519);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, key.signerKey() + "\n", StandardCharsets.UTF_8);
        LOG.infof("Created a new checkpoint signing key in %s; its verifier key is %s", file, key.verifierKey());
    }
}
