package org.jcm.ledger.canonical;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed checkpoints and Merkle proofs built in the test, straight from the formats in
 * docs/hash-chain.md (C2SP signed-note, tlog-checkpoint, tlog-cosignature v1, RFC 9162), with the
 * JDK's Ed25519, so that docs/verify-ledger.py is checked against an implementation it shares no
 * code with.
 */
final class CheckpointNotes {

    static final int ALG_ED25519 = 0x01;
    static final int ALG_COSIGNATURE = 0x04;

    private CheckpointNotes() {
    }

    /** An Ed25519 key pair with a note name and algorithm byte (0x01 for the log, 0x04 for a witness). */
    record Key(String name, int algorithm, byte[] publicKey, PrivateKey privateKey) {

        static Key generate(String name, int algorithm) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] encoded = pair.getPublic().getEncoded();
                // The X.509 SubjectPublicKeyInfo of an Ed25519 key ends with the raw 32-byte key.
                byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
                return new Key(name, algorithm, raw, pair.getPrivate());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first 4 bytes of SHA-256(name || 0x0A || algorithm || public key). */
        byte[] keyId() {
            byte[] nameBytes = (name + "\n").getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(sha256(concat(nameBytes, new byte[] {(byte) algorithm}, publicKey)), 4);
        }

        /** The verifier key string {@code name+hexkeyid+base64(algorithm || public key)}. */
        String verifierKey() {
            return name + "+" + HexFormat.of().formatHex(keyId()) + "+"
                    + Base64.getEncoder().encodeToString(concat(new byte[] {(byte) algorithm}, publicKey));
        }

        String hexKeyId() {
            return HexFormat.of().formatHex(keyId());
        }

        byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(privateKey);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The note signature line {@code — name base64(key id || signature of text)}. */
        String signatureLine(String text) {
            return line(concat(keyId(), sign(text.getBytes(StandardCharsets.UTF_8))));
        }

        /** The tlog-cosignature/v1 line over a checkpoint text at a timestamp (seconds). */
        String cosignatureLine(String checkpointText, long timestamp) {
            return cosignatureLineClaiming(this, checkpointText, timestamp);
        }

        /** A cosignature line made with this key but carrying another key's name and key id: a forgery. */
        String cosignatureLineClaiming(Key claimed, String checkpointText, long timestamp) {
            byte[] message = ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
            byte[] time = ByteBuffer.allocate(8).putLong(timestamp).array();
            return claimed.line(concat(claimed.keyId(), time, sign(message)));
        }

        private String line(byte[] payload) {
            return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(payload) + "\n";
        }
    }

    /** The checkpoint text {@code origin\nsize\nbase64(root)\n}. */
    static String checkpointText(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** A signed note: the text, a blank line, then the signature lines. */
    static String note(String text, String... signatureLines) {
        return text + "\n" + String.join("", signatureLines);
    }

    /** SHA-256(0x00 || canonical event bytes). */
    static byte[] leafHash(byte[] leaf) {
        return sha256(concat(new byte[] {0}, leaf));
    }

    /** The leaf hashes of the canonical forms of the given events. */
    static List<byte[]> leafHashes(List<?> events) {
        List<byte[]> hashes = new ArrayList<>();
        events.forEach(event -> hashes.add(leafHash(Jcs.canonicalBytes(event))));
        return hashes;
    }

    /** RFC 9162 MTH by its recursive definition. */
    static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = split(leafHashes.size());
        return node(root(leafHashes.subList(0, k)), root(leafHashes.subList(k, leafHashes.size())));
    }

    /** RFC 9162 PATH(index, leaves) by its recursive definition. */
    static List<byte[]> inclusion(int index, List<byte[]> leafHashes) {
        List<byte[]> path = new ArrayList<>();
        int n = leafHashes.size();
        if (n == 1) {
            return path;
        }
        int k = split(n);
        if (index < k) {
            path.addAll(inclusion(index, leafHashes.subList(0, k)));
            path.add(root(leafHashes.subList(k, n)));
        } else {
            path.addAll(inclusion(index - k, leafHashes.subList(k, n)));
            path.add(root(leafHashes.subList(0, k)));
        }
        return path;
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(concat(new byte[] {1}, left, right));
    }

    /** The largest power of two below n. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
