package org.jcm.settlement.witness;

import java.time.Instant;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.SignedNote;

/**
 * A checkpoint the witness verified and cosigned.
 *
 * @param treeSize the tree size
 * @param rootHash the root hash, 32 bytes
 * @param origin the log's origin
 * @param note the log's signed note as received
 * @param cosignature the witness's cosignature line ({@code — <name> <base64>}, without newline)
 * @param timestamp the cosignature's timestamp, POSIX seconds
 * @param cosignedAt when the witness cosigned it
 */
public record CosignedCheckpoint(long treeSize, byte[] rootHash, String origin, String note, String cosignature,
                                 long timestamp, Instant cosignedAt) {

    /** The log's note with the witness's cosignature line added: the C2SP form a client verifies. */
    public String cosignedNote() {
        return SignedNote.parse(note).withSignature(Cosignature.parse(cosignature).noteSignature()).encode();
    }

    /** The cosignature's key ID, 8 lowercase hex digits. */
    public String keyIdHex() {
        return Cosignature.parse(cosignature).keyIdHex();
    }

    /** The witness name in the cosignature line. */
    public String witness() {
        return Cosignature.parse(cosignature).witness();
    }
}
