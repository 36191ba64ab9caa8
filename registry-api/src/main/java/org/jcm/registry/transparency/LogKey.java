package org.jcm.registry.transparency;

import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.KeyFile;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The log's signing key, read from a file (a mounted secret) and never from or into PostgreSQL: a
 * database owner who rewrites history cannot sign it. Its name is the log's origin. With
 * {@code generate}, a missing file is created with a new key (development, tests, the local stack).
 */
final class LogKey {

    private static final Logger LOG = Logger.getLogger(LogKey.class);

    private LogKey() {
    }

    /** Reads the signer from {@code file}, creating it first if it is missing and {@code generate}. */
    static NoteKeys.Signer load(Path file, String origin, boolean generate) {
        KeyFile.Loaded loaded = KeyFile.load(file, origin, NoteKeys.ED25519, generate);
        if (loaded.created()) {
            LOG.infof("Created a new checkpoint signing key in %s; its verifier key is %s", file,
                    loaded.signer().verifierKey());
        }
        return loaded.signer();
    }
}
