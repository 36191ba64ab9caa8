package org.jcm.registry.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.transparency.Checkpointer;
import org.jcm.support.problem.ProblemException;

/**
 * Seals emission records with the log's signing key (the key that signs the ledger's checkpoints,
 * read from {@code jcm.checkpoint.signing-key-file} and never stored in PostgreSQL): the Ed25519
 * signature over {@code "jcm emission record v1\n" + sha256 + "\n"}. The first line holds spaces,
 * which no log origin may, so a record's signature can never pass for a signed checkpoint. Anyone
 * verifies it with the log's verifier key ({@code GET /api/v1/ledger/keys}); someone who edits the
 * table, even recomputing the hashes, cannot make a new signature without the key.
 */
@ApplicationScoped
public class RecordSeal {

    /** The first line of the signed message. */
    public static final String CONTEXT = "jcm emission record v1\n";

    private final Checkpointer checkpointer;

    RecordSeal(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    /** A signature and the key id it was made with (8 hex digits). */
    public record Signature(String keyId, String base64) {
    }

    /** Signs the record whose canonical JSON hashes to {@code sha256}. */
    Signature sign(String sha256) {
        NoteKeys.Signer signer = signer();
        byte[] signature = signer.sign(message(sha256));
        return new Signature(NoteKeys.keyIdHex(signer.keyId()), Base64.getEncoder().encodeToString(signature));
    }

    /** Whether {@code signature} is the log key's signature of the record hashing to {@code sha256}. */
    boolean verifies(String sha256, String keyId, String signature) {
        NoteKeys.Signer signer = signer();
        if (!NoteKeys.keyIdHex(signer.keyId()).equals(keyId)) {
            return false;
        }
        try {
            return signer.verifier().verify(message(sha256), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The log's verifier key, which checks the signatures. */
    public String verifierKey() {
        return signer().verifierKey();
    }

    /** Whether emission records can be signed and verified here (the log has a key). */
    public boolean available() {
        return checkpointer.recordSigner().isPresent();
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, lower-case hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] message(String sha256) {
        return (CONTEXT + sha256 + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private NoteKeys.Signer signer() {
        Optional<NoteKeys.Signer> signer = checkpointer.recordSigner();
        return signer.orElseThrow(() -> new ProblemException(404, ProblemCodes.CHECKPOINTS_DISABLED, "This registry has "
                + "no log key (jcm.checkpoint.enabled is false), so it can neither seal nor verify emission records."));
    }
}
