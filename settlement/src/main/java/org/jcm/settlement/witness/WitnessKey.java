package org.jcm.settlement.witness;

import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.KeyFile;
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
        KeyFile.Loaded loaded = KeyFile.load(Path.of(file), name, NoteKeys.COSIGNATURE_V1, generate);
        if (loaded.created()) {
            LOG.infof("Created the witness key file %s; verifier key %s", file, loaded.signer().verifierKey());
        }
        return loaded.signer();
    }
}
