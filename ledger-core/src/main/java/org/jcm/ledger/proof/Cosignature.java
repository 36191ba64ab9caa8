package org.jcm.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A witness's C2SP tlog-cosignature v1 (Ed25519) on a checkpoint: the note signature line
 * {@code — <witness name> base64(key id (4) || timestamp (u64, big-endian, seconds) || Ed25519 signature (64))},
 * where the key ID is computed with algorithm byte 0x04 and the signature covers
 * {@code "cosignature/v1\ntime <timestamp>\n" + checkpoint text}.
 *
 * <p>It states that at that time the checkpoint was, as far as the witness saw, the largest tree head
 * of the log consistent with every earlier one. Because the line is a note signature line, it is
 * appended to the checkpoint's signed note, where verifiers that do not know the witness ignore it.
 */
public record Cosignature(String witness, int keyId, long timestamp, byte[] signature) {

    private static final int SIGNATURE_BYTES = 8 + Ed25519.SIGNATURE_BYTES;

    /** Checks the fields and copies the signature. */
    public Cosignature {
        if (!Codec.isValidName(witness)) {
            throw new NoteFormatException("a cosignature needs a valid witness name: " + witness);
        }
        if (timestamp < 0) {
            throw new NoteFormatException("a cosignature's timestamp is at most 2^63-1 seconds, got " + timestamp);
        }
        Objects.requireNonNull(signature, "signature");
        if (signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new NoteFormatException("a cosignature's Ed25519 signature is 64 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    /** Returns a copy of the 64-byte Ed25519 signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Returns the signed message: {@code cosignature/v1\ntime <timestamp>\n} followed by the checkpoint text. */
    public static byte[] message(Checkpoint checkpoint, long timestamp) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpoint.text()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Cosigns a checkpoint with a witness key of algorithm 0x04 at the given time (POSIX seconds) and
     * returns the signature line, without its final newline.
     */
    public static String sign(Checkpoint checkpoint, NoteKeys.Signer witness, long timestamp) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(witness, "witness");
        if (witness.algorithm() != NoteKeys.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosignature is made with a cosignature (0x04) key; " + witness
                    + " is not one");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp cannot be negative: " + timestamp);
        }
        byte[] sig = witness.sign(message(checkpoint, timestamp));
        return new Cosignature(witness.name(), witness.keyId(), timestamp, sig).line();
    }

    /**
     * Parses a cosignature line (with or without its final newline).
     *
     * @throws NoteFormatException if it is not a note signature line of 4 + 8 + 64 bytes with a timestamp
     *         below 2^63
     */
    public static Cosignature parse(String line) {
        Objects.requireNonNull(line, "line");
        String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        SignedNote.Signature parsed = SignedNote.Signature.parseLine(bare);
        byte[] bytes = parsed.signature();
        if (bytes.length != SIGNATURE_BYTES) {
            throw new NoteFormatException("a cosignature of " + parsed.name() + " is " + (4 + SIGNATURE_BYTES)
                    + " bytes (key id, timestamp, signature), got " + (4 + bytes.length));
        }
        long timestamp = 0;
        for (int i = 0; i < 8; i++) {
            timestamp = timestamp << 8 | (bytes[i] & 0xff);
        }
        if (timestamp < 0) {
            throw new NoteFormatException("a cosignature's timestamp is at most 2^63-1 seconds");
        }
        return new Cosignature(parsed.name(), parsed.keyId(), timestamp, Arrays.copyOfRange(bytes, 8, bytes.length));
    }

    /**
     * True when the line is a cosignature of the checkpoint by the witness key: same name and key ID,
     * a well-formed line and a valid signature. False for anything else, including a malformed line.
     *
     * @throws IllegalArgumentException if the key is not a cosignature (0x04) key
     */
    public static boolean verify(String line, Checkpoint checkpoint, NoteKeys.Verifier witness) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(witness, "witness");
        if (witness.algorithm() != NoteKeys.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosignature is verified with a cosignature (0x04) key; " + witness
                    + " is not one");
        }
        Cosignature cosignature;
        try {
            cosignature = parse(line);
        } catch (NoteFormatException e) {
            return false;
        }
        return cosignature.witness.equals(witness.name()) && cosignature.keyId == witness.keyId()
                && witness.verify(message(checkpoint, cosignature.timestamp), cosignature.signature);
    }

    /** Returns the signature line, without its final newline. */
    public String line() {
        return noteSignature().line();
    }

    /** Returns this cosignature as a note signature, to add to the checkpoint's signed note. */
    public SignedNote.Signature noteSignature() {
        byte[] bytes = new byte[SIGNATURE_BYTES];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(signature, 0, bytes, 8, signature.length);
        return new SignedNote.Signature(witness, keyId, bytes);
    }

    /** Returns the key ID as 8 lowercase hex digits, as the API shows it. */
    public String keyIdHex() {
        return Codec.keyIdHex(keyId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cosignature c && witness.equals(c.witness) && keyId == c.keyId
                && timestamp == c.timestamp && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(witness, keyId, timestamp, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
