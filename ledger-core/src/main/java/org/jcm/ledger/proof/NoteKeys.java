package org.jcm.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * Note signing keys as text, in the golang.org/x/mod/sumdb/note and C2SP signed-note forms:
 * <ul>
 * <li>signer (private) key: {@code PRIVATE+KEY+<name>+<key id, 8 hex>+<base64(alg || 32-byte seed)>}</li>
 * <li>verifier (public) key: {@code <name>+<key id, 8 hex>+<base64(alg || 32-byte public key)>}</li>
 * <li>key ID: the first 4 bytes, big-endian, of {@code SHA-256(name || 0x0A || alg || public key)}</li>
 * </ul>
 * Two algorithm bytes are supported, both Ed25519: {@link #ED25519} (0x01) for the log's checkpoint
 * signatures and {@link #COSIGNATURE_V1} (0x04) for witness cosignatures (C2SP tlog-cosignature), whose
 * signed message differs and whose key ID therefore differs for the same key.
 *
 * <p>Parsing checks the key ID against the key, so a mistyped or truncated key string is refused.
 */
public final class NoteKeys {

    /** Algorithm byte of an Ed25519 note signature (C2SP signed-note). */
    public static final int ED25519 = 0x01;

    /** Algorithm byte of a timestamped Ed25519 checkpoint cosignature (C2SP tlog-cosignature v1). */
    public static final int COSIGNATURE_V1 = 0x04;

    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private NoteKeys() {
    }

    /** A freshly generated key: the signer string (keep it secret) and the verifier string (publish it). */
    public record KeyStrings(String signerKey, String verifierKey) {

        /** Never prints the signer key. */
        @Override
        public String toString() {
            return "KeyStrings[verifierKey=" + verifierKey + "]";
        }
    }

    /** Generates a new Ed25519 key for the given name and algorithm byte (0x01 or 0x04). */
    public static KeyStrings generate(String name, int algorithm) {
        requireName(name);
        requireAlgorithm(algorithm);
        byte[] seed = Ed25519.newSeed();
        Signer signer = new Signer(name, algorithm, seed);
        String secret = PRIVATE_PREFIX + name + "+" + Codec.keyIdHex(signer.keyId()) + "+"
                + Codec.base64(prefixed(algorithm, seed));
        Arrays.fill(seed, (byte) 0);
        return new KeyStrings(secret, signer.verifierKey());
    }

    /** Parses a signer key string; the message of a refusal never repeats the key. */
    public static Signer signer(String signerKey) {
        Objects.requireNonNull(signerKey, "signerKey");
        if (!signerKey.startsWith(PRIVATE_PREFIX)) {
            throw new NoteFormatException("a signer key starts with PRIVATE+KEY+");
        }
        String[] parts = signerKey.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("a signer key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        requireName(parts[0]);
        int keyId = Codec.keyIdHex(parts[1], "the key id of a signer key");
        byte[] key = Codec.base64(parts[2], "the key of a signer key");
        if (key.length != 1 + Ed25519.SEED_BYTES) {
            throw new NoteFormatException("the key of a signer key must be 1 algorithm byte and a 32-byte seed");
        }
        int algorithm = key[0] & 0xff;
        requireAlgorithm(algorithm);
        Signer signer = new Signer(parts[0], algorithm, Arrays.copyOfRange(key, 1, key.length));
        Arrays.fill(key, (byte) 0);
        if (signer.keyId() != keyId) {
            throw new NoteFormatException("the key id of the signer key for " + parts[0] + " does not match its key");
        }
        return signer;
    }

    /** Parses a verifier key string. */
    public static Verifier verifier(String verifierKey) {
        Objects.requireNonNull(verifierKey, "verifierKey");
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("a verifier key is <name>+<key id>+<key>: " + verifierKey);
        }
        requireName(parts[0]);
        int keyId = Codec.keyIdHex(parts[1], "the key id of a verifier key");
        byte[] key = Codec.base64(parts[2], "the key of a verifier key");
        if (key.length != 1 + Ed25519.PUBLIC_KEY_BYTES) {
            throw new NoteFormatException("the key of a verifier key must be 1 algorithm byte and a 32-byte public key: "
                    + verifierKey);
        }
        int algorithm = key[0] & 0xff;
        requireAlgorithm(algorithm);
        byte[] raw = Arrays.copyOfRange(key, 1, key.length);
        if (keyId(parts[0], algorithm, raw) != keyId) {
            throw new NoteFormatException("the key id of the verifier key does not match its key: " + verifierKey);
        }
        return new Verifier(parts[0], algorithm, raw);
    }

    /** Returns the key ID {@code SHA-256(name || 0x0A || alg || publicKey)[:4]}, big-endian. */
    public static int keyId(String name, int algorithm, byte[] publicKey) {
        byte[] digest = MerkleHash.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n'},
                prefixed(algorithm, publicKey));
        return Codec.int32(digest, 0);
    }

    /** Formats a key ID as the 8 lowercase hex digits used in key strings and the API. */
    public static String keyIdHex(int keyId) {
        return Codec.keyIdHex(keyId);
    }

    /** True for a valid key name: non-empty, no Unicode space, no '+', no control character. */
    public static boolean isValidName(String name) {
        return Codec.isValidName(name);
    }

    private static void requireName(String name) {
        if (!Codec.isValidName(name)) {
            throw new NoteFormatException("a key name must be non-empty, without spaces, '+' or control characters: "
                    + name);
        }
    }

    private static void requireAlgorithm(int algorithm) {
        if (algorithm != ED25519 && algorithm != COSIGNATURE_V1) {
            throw new NoteFormatException("unknown key algorithm 0x" + Integer.toHexString(algorithm)
                    + "; supported are 0x01 (Ed25519) and 0x04 (Ed25519 cosignature v1)");
        }
    }

    private static byte[] prefixed(int algorithm, byte[] key) {
        byte[] out = new byte[1 + key.length];
        out[0] = (byte) algorithm;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    /** A private key that signs messages; holds the key in memory only. Thread-safe. */
    public static final class Signer {

        private final String name;
        private final int algorithm;
        private final PrivateKey privateKey;
        private final byte[] publicKey;
        private final int keyId;

        private Signer(String name, int algorithm, byte[] seed) {
            KeyPair pair = Ed25519.fromSeed(seed);
            this.name = name;
            this.algorithm = algorithm;
            this.privateKey = pair.getPrivate();
            this.publicKey = Ed25519.rawPublicKey(pair.getPublic());
            this.keyId = NoteKeys.keyId(name, algorithm, publicKey);
        }

        /** Returns the key name (for the log: its origin). */
        public String name() {
            return name;
        }

        /** Returns the key ID. */
        public int keyId() {
            return keyId;
        }

        /** Returns the algorithm byte, {@link #ED25519} or {@link #COSIGNATURE_V1}. */
        public int algorithm() {
            return algorithm;
        }

        /** Returns the 64-byte Ed25519 signature of the message. */
        public byte[] sign(byte[] message) {
            return Ed25519.sign(privateKey, Objects.requireNonNull(message, "message"));
        }

        /** Returns the verifier key string of this key, safe to publish. */
        public String verifierKey() {
            return name + "+" + Codec.keyIdHex(keyId) + "+" + Codec.base64(prefixed(algorithm, publicKey));
        }

        /** Returns the verifier of this key. */
        public Verifier verifier() {
            return new Verifier(name, algorithm, publicKey);
        }

        /** Never prints the private key. */
        @Override
        public String toString() {
            return "Signer[" + name + "+" + Codec.keyIdHex(keyId) + "]";
        }
    }

    /** A public key that checks signatures. Thread-safe. */
    public static final class Verifier {

        private final String name;
        private final int algorithm;
        private final byte[] rawKey;
        private final PublicKey publicKey;
        private final int keyId;

        private Verifier(String name, int algorithm, byte[] rawKey) {
            this.name = name;
            this.algorithm = algorithm;
            this.rawKey = rawKey.clone();
            this.publicKey = Ed25519.publicKey(rawKey);
            this.keyId = NoteKeys.keyId(name, algorithm, rawKey);
        }

        /** Returns the key name. */
        public String name() {
            return name;
        }

        /** Returns the key ID. */
        public int keyId() {
            return keyId;
        }

        /** Returns the algorithm byte, {@link #ED25519} or {@link #COSIGNATURE_V1}. */
        public int algorithm() {
            return algorithm;
        }

        /** True when {@code sig} is this key's 64-byte Ed25519 signature of {@code message}. */
        public boolean verify(byte[] message, byte[] sig) {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sig, "sig");
            return Ed25519.verify(publicKey, message, sig);
        }

        /** Returns the verifier key string. */
        public String verifierKey() {
            return name + "+" + Codec.keyIdHex(keyId) + "+" + Codec.base64(prefixed(algorithm, rawKey));
        }

        @Override
        public String toString() {
            return verifierKey();
        }
    }
}
