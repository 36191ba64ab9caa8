package org.jcm.settlement.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jcm.ledger.canonical.HashChain;

/**
 * What registrations and cancellations keep beside an Idempotency-Key: the hash of the request the
 * key was first used for, and the answer's JSON, so that a retry gets the same answer.
 */
final class StoredAnswers {

    private StoredAnswers() {
    }

    /** The answer body as stored and sent. */
    static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex SHA-256 of a request's canonical text. */
    static String requestHash(String text) {
        try {
            return HashChain.toHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
