package org.jcm.registry.document;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Content-Digest} header of RFC 9530 for SHA-256: {@code sha-256=:<base64 of the 32
 * bytes>:}. An upload may send it (other algorithms in the same header are ignored, as the RFC
 * allows, but there must be a {@code sha-256}); a download always carries it.
 */
public final class ContentDigest {

    private static final int SHA256_BYTES = 32;

    private ContentDigest() {
    }

    /**
     * The SHA-256, as 64 lowercase hex digits, that an upload's header gives; empty without the header.
     *
     * @throws org.jcm.support.problem.ProblemException 400 {@code invalid_content_digest}
     */
    static Optional<String> expectedSha256(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            int equals = member.indexOf('=');
            if (equals < 0) {
                throw invalid("Content-Digest must be a list of algorithm=:base64: members.");
            }
            String algorithm = member.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = member.substring(equals + 1).trim();
            if (algorithm.equals("sha-256")) {
                return Optional.of(HexFormat.of().formatHex(decode(value)));
            }
        }
        throw invalid("Content-Digest gives no sha-256; send sha-256=:<base64 of the SHA-256>:.");
    }

    /** The header value for a document with this SHA-256 (64 hex digits). */
    public static String of(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    private static byte[] decode(String value) {
        if (value.length() < 2 || value.charAt(0) != ':' || value.charAt(value.length() - 1) != ':') {
            throw invalid("The sha-256 of Content-Digest is a byte sequence: sha-256=:<base64>:.");
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
        } catch (IllegalArgumentException e) {
            throw invalid("The sha-256 of Content-Digest is not base64.");
        }
        if (digest.length != SHA256_BYTES) {
            throw invalid("The sha-256 of Content-Digest has " + digest.length + " bytes, not 32.");
        }
        return digest;
    }

    private static org.jcm.support.problem.ProblemException invalid(String detail) {
        return DocumentProblems.invalid(DocumentProblems.INVALID_CONTENT_DIGEST, "Content-Digest", detail);
    }
}
