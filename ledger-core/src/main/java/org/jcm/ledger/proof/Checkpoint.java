package org.jcm.ledger.proof;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint body: the log's origin, the tree size and the root hash, as the three lines
 * {@code <origin>\n<decimal size>\n<base64 root>\n}. This log writes no extension lines and accepts none.
 *
 * <p>The origin is also the name of the key that signs the checkpoint, so it follows the key name
 * rules (non-empty, no spaces, no '+'). Parsing is strict: one spelling per checkpoint, so that two
 * texts for the same tree head cannot both circulate.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    /** Checks every field and copies the root. */
    public Checkpoint {
        if (!Codec.isValidName(origin)) {
            throw new NoteFormatException("a checkpoint origin must be non-empty, without spaces, '+' or control"
                    + " characters: " + origin);
        }
        if (size < 0) {
            throw new NoteFormatException("a checkpoint's tree size cannot be negative: " + size);
        }
        Objects.requireNonNull(root, "root");
        if (root.length != MerkleHash.HASH_BYTES) {
            throw new NoteFormatException("a checkpoint's root hash is " + MerkleHash.HASH_BYTES + " bytes, got "
                    + root.length);
        }
        root = root.clone();
    }

    /** Returns a copy of the root hash. */
    @Override
    public byte[] root() {
        return root.clone();
    }

    /** Returns the note text: {@code <origin>\n<size>\n<base64 root>\n}. */
    public String text() {
        return origin + "\n" + size + "\n" + Codec.base64(root) + "\n";
    }

    /**
     * Parses a checkpoint text strictly: exactly three lines, each ending in a newline; a valid origin;
     * the size in decimal digits without sign or leading zeros (only 0 itself starts with 0) that fits
     * in a signed 64-bit integer; the root in canonical base64 of exactly 32 bytes.
     *
     * @throws NoteFormatException naming the first rule the text breaks
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new NoteFormatException("a checkpoint's text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new NoteFormatException("a checkpoint has exactly three lines (origin, tree size, root hash), got "
                    + lines.length);
        }
        long size = parseSize(lines[1]);
        byte[] root = Codec.base64(lines[2], "a checkpoint's root hash");
        if (root.length != MerkleHash.HASH_BYTES) {
            throw new NoteFormatException("a checkpoint's root hash is " + MerkleHash.HASH_BYTES + " bytes, got "
                    + root.length);
        }
        return new Checkpoint(lines[0], size, root);
    }

    /**
     * Opens a signed checkpoint note: parses it, verifies it with the log's key (other keys' lines, such
     * as cosignatures, are ignored) and checks that the origin is the key's name.
     *
     * @throws NoteFormatException if the note or the checkpoint in it is malformed
     * @throws NoteVerificationException if the log's signature is missing or wrong, or the origin differs
     */
    public static Checkpoint open(String note, NoteKeys.Verifier logKey) {
        Objects.requireNonNull(logKey, "logKey");
        SignedNote signed = SignedNote.parse(note);
        Checkpoint checkpoint = parse(signed.text());
        signed.verify(logKey);
        if (!checkpoint.origin().equals(logKey.name())) {
            throw new NoteVerificationException("the checkpoint's origin " + checkpoint.origin()
                    + " is not the name of its signing key " + logKey.name());
        }
        return checkpoint;
    }

    /** Signs this checkpoint with the log's key and returns the signed note. */
    public SignedNote sign(NoteKeys.Signer logKey) {
        Objects.requireNonNull(logKey, "logKey");
        if (!origin.equals(logKey.name())) {
            throw new IllegalArgumentException("the checkpoint's origin " + origin + " is not the name of the key "
                    + logKey.name());
        }
        return SignedNote.sign(text(), logKey);
    }

    private static long parseSize(String line) {
        if (line.isEmpty() || line.length() > 19 || !line.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NoteFormatException("a checkpoint's tree size is a decimal number of at most 19 digits: '"
                    + line + "'");
        }
        if (line.length() > 1 && line.charAt(0) == '0') {
            throw new NoteFormatException("a checkpoint's tree size has no leading zeros: '" + line + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("a checkpoint's tree size is at most " + Long.MAX_VALUE + ": '" + line + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && origin.equals(c.origin) && size == c.size
                && MessageDigest.isEqual(root, c.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + Codec.base64(root) + "]";
    }
}
