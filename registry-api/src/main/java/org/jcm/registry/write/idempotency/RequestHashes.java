package org.jcm.registry.write.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash that tells a retry from a reuse of an idempotency key: SHA-256 over the operation name
 * and the request as canonical JSON (members sorted, nulls left out), so that a client may
 * re-serialize its body (member order, whitespace, explicit nulls) and still be recognized.
 */
@Singleton
public class RequestHashes {

    private final ObjectMapper canonical;

    RequestHashes(ObjectMapper mapper) {
        this.canonical = mapper.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The 32-byte hash of {@code request} for {@code operation} (e.g. {@code transfer}). */
    public byte[] of(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical.writeValueAsBytes(request));
            return sha.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash a request", e);
        }
    }
}
