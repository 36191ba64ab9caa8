package org.jcm.settlement.witness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.NoteFormatException;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.NoteVerificationException;
import org.jcm.ledger.proof.SignedNote;

/**
 * A message of the checkpoint topic, {@code {"treeSize":N,"rootHash":"<base64>","origin":"...",
 * "note":"<signed note>","createdAt":"..."}}, opened: the note parsed, the log's signature verified
 * with the pinned key, the origin checked, and the message's fields checked against the signed text.
 *
 * @param checkpoint the verified checkpoint
 * @param note the signed note as received
 */
record CheckpointMessage(Checkpoint checkpoint, String note) {

    /**
     * Opens a record value.
     *
     * @throws Disagreement naming the first check that failed
     */
    static CheckpointMessage open(byte[] value, NoteKeys.Verifier logKey, String origin) throws Disagreement {
        Map<?, ?> fields = fields(value);
        String note = text(fields, "note");
        SignedNote signed;
        Checkpoint checkpoint;
        try {
            signed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(signed.text());
        } catch (NoteFormatException e) {
            throw new Disagreement(Reason.MALFORMED, "the checkpoint's note is malformed: " + e.getMessage(), null, note);
        }
        Long size = checkpoint.size();
        boolean keyed = signed.signatures().stream()
                .anyMatch(s -> s.name().equals(logKey.name()) && s.keyId() == logKey.keyId());
        if (!keyed) {
            throw new Disagreement(Reason.UNKNOWN_KEY, "the checkpoint of size " + checkpoint.size()
                    + " carries no signature of the log key " + logKey.name() + "+"
                    + NoteKeys.keyIdHex(logKey.keyId()) + "; it is signed by " + signed.signatures(), size, note);
        }
        try {
            signed.verify(logKey);
        } catch (NoteVerificationException e) {
            throw new Disagreement(Reason.BAD_SIGNATURE, "the checkpoint of size " + checkpoint.size() + ": "
                    + e.getMessage(), size, note);
        }
        if (!checkpoint.origin().equals(origin)) {
            throw new Disagreement(Reason.WRONG_ORIGIN, "the checkpoint of size " + checkpoint.size() + " names origin "
                    + checkpoint.origin() + ", not " + origin, size, note);
        }
        requireSameFields(fields, checkpoint, note);
        return new CheckpointMessage(checkpoint, note);
    }

    private static Map<?, ?> fields(byte[] value) throws Disagreement {
        if (value == null) {
            throw new Disagreement(Reason.MALFORMED, "the checkpoint message has no value");
        }
        try {
            if (Json.parse(new String(value, StandardCharsets.UTF_8)) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (RuntimeException e) {
            throw new Disagreement(Reason.MALFORMED, "the checkpoint message is not JSON: " + e.getMessage());
        }
        throw new Disagreement(Reason.MALFORMED, "the checkpoint message is not a JSON object");
    }

    private static String text(Map<?, ?> fields, String name) throws Disagreement {
        if (fields.get(name) instanceof String s) {
            return s;
        }
        throw new Disagreement(Reason.MALFORMED, "the checkpoint message has no string " + name);
    }

    private static void requireSameFields(Map<?, ?> fields, Checkpoint checkpoint, String note) throws Disagreement {
        boolean same = fields.get("treeSize") instanceof Long size && size == checkpoint.size()
                && Base64.getEncoder().encodeToString(checkpoint.root()).equals(fields.get("rootHash"))
                && checkpoint.origin().equals(fields.get("origin"));
        if (!same) {
            throw new Disagreement(Reason.MALFORMED, "the checkpoint message's treeSize, rootHash or origin differ from"
                    + " its signed note (size " + checkpoint.size() + ")", checkpoint.size(), note);
        }
        if (checkpoint.size() == 0) {
            throw new Disagreement(Reason.MALFORMED, "a checkpoint of size 0 is never signed", 0L, note);
        }
    }
}
