package org.jcm.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines
 * {@code — <key name> <base64(4-byte key id || signature)>} (U+2014 EM DASH, space), each ending in a
 * newline. A signature covers the text including its final newline, not the blank line.
 *
 * <p>Verification follows C2SP signed-note: lines of unknown keys (name and key ID not both matching a
 * known key) are ignored, so witnesses can add cosignature lines; a known key's line that does not
 * verify refuses the whole note; a note with no verified known key is refused.
 *
 * <p>Immutable.
 */
public final class SignedNote {

    /** At most this many signature lines are read, so that a huge note cannot keep a verifier busy. */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String text;
    private final List<Signature> signatures;

    /** One signature line: the key's name and ID, and the signature bytes that follow the key ID. */
    public record Signature(String name, int keyId, byte[] signature) {

        /** Checks the name and copies the bytes. */
        public Signature {
            if (!Codec.isValidName(name)) {
                throw new NoteFormatException("a signature line needs a valid key name: " + name);
            }
            signature = Objects.requireNonNull(signature, "signature").clone();
            if (signature.length == 0) {
                throw new NoteFormatException("a signature line for " + name + " has no signature");
            }
        }

        /** Returns a copy of the signature bytes (after the key ID). */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** Returns the line, without its final newline: {@code — <name> <base64(key id || signature)>}. */
        public String line() {
            byte[] bytes = new byte[4 + signature.length];
            Codec.putInt32(bytes, 0, keyId);
            System.arraycopy(signature, 0, bytes, 4, signature.length);
            return SIGNATURE_PREFIX + name + " " + Codec.base64(bytes);
        }

        /** Parses one line (without its final newline). */
        public static Signature parseLine(String line) {
            Objects.requireNonNull(line, "line");
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteFormatException("a signature line starts with an em dash (U+2014) and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new NoteFormatException("a signature line is '\u2014 <key name> <base64 signature>'");
            }
            String name = rest.substring(0, space);
            byte[] bytes = Codec.base64(rest.substring(space + 1), "the signature of " + name);
            if (bytes.length < 5) {
                throw new NoteFormatException("the signature of " + name + " is shorter than a key id and one byte");
            }
            return new Signature(name, Codec.int32(bytes, 0), Arrays.copyOfRange(bytes, 4, bytes.length));
        }

        private boolean sameKey(Signature other) {
            return name.equals(other.name) && keyId == other.keyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && sameKey(s) && Arrays.equals(signature, s.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, keyId, Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return line();
        }
    }

    private SignedNote(String text, List<Signature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** Signs a text with one or more Ed25519 (0x01) signers, in order. */
    public static SignedNote sign(String text, NoteKeys.Signer... signers) {
        requireText(text);
        if (signers.length == 0) {
            throw new IllegalArgumentException("a signed note needs at least one signer");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<Signature> signatures = new ArrayList<>();
        for (NoteKeys.Signer signer : signers) {
            if (signer.algorithm() != NoteKeys.ED25519) {
                throw new IllegalArgumentException("a note is signed with an Ed25519 (0x01) key; " + signer
                        + " is a cosignature key, use Cosignature.sign");
            }
            signatures.add(new Signature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * Parses a signed note: valid text without control characters other than newline, split at its
     * last blank line, followed by well-formed signature lines. Checks no signature.
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (!Codec.isValidText(note)) {
            throw new NoteFormatException("a note must be valid UTF-8 without control characters other than newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("a note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteFormatException("a note ends with one or more signature lines, each ending in a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteFormatException("a note has at most " + MAX_SIGNATURES + " signature lines");
        }
        List<Signature> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(Signature.parseLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /** Returns the signed text, ending in a newline. */
    public String text() {
        return text;
    }

    /** Returns the signature lines in order. */
    public List<Signature> signatures() {
        return signatures;
    }

    /** Returns this note with one more signature line, replacing a line of the same key name and ID. */
    public SignedNote withSignature(Signature signature) {
        Objects.requireNonNull(signature, "signature");
        if (signatures.size() >= MAX_SIGNATURES) {
            throw new IllegalStateException("a note has at most " + MAX_SIGNATURES + " signature lines");
        }
        List<Signature> next = new ArrayList<>(signatures);
        next.removeIf(signature::sameKey);
        next.add(signature);
        return new SignedNote(text, next);
    }

    /**
     * Verifies the note against the known Ed25519 (0x01) keys and returns the verified signatures.
     *
     * @throws NoteVerificationException if a known key's signature does not verify, or no known key signed
     * @throws IllegalArgumentException if a verifier is not an 0x01 key, or two verifiers share name and ID
     */
    public List<Signature> verify(NoteKeys.Verifier... known) {
        requireNoteVerifiers(known);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<Signature> verified = new ArrayList<>();
        for (Signature signature : signatures) {
            NoteKeys.Verifier verifier = find(known, signature);
            if (verifier == null) {
                continue;
            }
            if (!verifier.verify(message, signature.signature)) {
                throw new NoteVerificationException("the signature of key " + signature.name() + "+"
                        + Codec.keyIdHex(signature.keyId()) + " does not verify");
            }
            if (verified.stream().noneMatch(signature::sameKey)) {
                verified.add(signature);
            }
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("the note carries no signature of a known key (known: "
                    + Arrays.toString(known) + ")");
        }
        return verified;
    }

    /** Returns the note in its wire form: text, blank line, signature lines each ending in a newline. */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (Signature signature : signatures) {
            out.append(signature.line()).append('\n');
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedNote n && text.equals(n.text) && signatures.equals(n.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, signatures);
    }

    @Override
    public String toString() {
        return encode();
    }

    private static NoteKeys.Verifier find(NoteKeys.Verifier[] known, Signature signature) {
        for (NoteKeys.Verifier verifier : known) {
            if (verifier.name().equals(signature.name()) && verifier.keyId() == signature.keyId()) {
                return verifier;
            }
        }
        return null;
    }

    private static void requireNoteVerifiers(NoteKeys.Verifier[] known) {
        Set<String> keys = new HashSet<>();
        for (NoteKeys.Verifier verifier : known) {
            Objects.requireNonNull(verifier, "verifier");
            if (verifier.algorithm() != NoteKeys.ED25519) {
                throw new IllegalArgumentException("a note is verified with Ed25519 (0x01) keys; " + verifier
                        + " is a cosignature key, use Cosignature.verify");
            }
            if (!keys.add(verifier.name() + "+" + verifier.keyId())) {
                throw new IllegalArgumentException("two known keys share name and key id: " + verifier);
            }
        }
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n") || !Codec.isValidText(text)) {
            throw new NoteFormatException("a note's text is non-empty, ends with a newline, and has no control"
                    + " characters other than newline");
        }
    }
}
