package org.jcm.support.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the cursors that list pages hand out with an HMAC, so that a service takes back only
 * cursors it made, for the list it made them for. A sealed cursor is
 * {@code base64url(payload) "." base64url(tag)}, where the tag is the first 16 bytes of
 * HMAC-SHA256 over the cursor's <em>scope</em> and its payload. The scope is not in the text: it
 * is what the list is of (an account, a unit, a filter), given again when the cursor comes back,
 * so a cursor of one account's list does not open for another account's.
 *
 * <p>The payload is readable by anyone (base64); the seal only proves where it came from. Every
 * instance of a service must use the same key, or a cursor from one is refused by another.
 */
public final class CursorSeal {

    /** The shortest key accepted, in bytes (the HMAC-SHA256 block is 64; 32 random bytes are plenty). */
    public static final int MIN_KEY_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** A seal with this key, at least {@value #MIN_KEY_BYTES} bytes. */
    public CursorSeal(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A cursor key has at least " + MIN_KEY_BYTES + " bytes; this one has "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * A seal with a key given as base64 (standard or URL alphabet, padding optional), as in
     * configuration.
     *
     * @throws IllegalArgumentException if it is not base64 or shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public static CursorSeal fromBase64(String key) {
        String text = key.trim();
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A cursor key is base64 text; this one is not: " + e.getMessage());
        }
        return new CursorSeal(bytes);
    }

    /** The property both services read the key from; {@code JCM_PAGING_CURSOR_KEY} in the environment. */
    public static final String PROPERTY = "jcm.paging.cursor-key";

    /**
     * The seal of a service: from the configured key ({@link #PROPERTY}) if there is one; else, in
     * dev and test mode ({@code randomAllowed}), a random key for the process; else none, because
     * cursors would then break at every restart and between the instances of a service.
     *
     * @throws IllegalStateException if the key is missing where it is required, or not usable
     */
    public static CursorSeal configured(Optional<String> key, boolean randomAllowed) {
        if (key.isPresent() && !key.get().isBlank()) {
            try {
                return fromBase64(key.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(PROPERTY + " (JCM_PAGING_CURSOR_KEY) is not usable: " + e.getMessage(), e);
            }
        }
        if (randomAllowed) {
            return random();
        }
        throw new IllegalStateException(PROPERTY + " (JCM_PAGING_CURSOR_KEY) is required: at least " + MIN_KEY_BYTES
                + " random bytes in base64 (openssl rand -base64 32), the same for every instance of the service; it "
                + "seals the cursors of list pages");
    }

    /** A seal with a fresh random key, valid only for this process. */
    public static CursorSeal random() {
        return new CursorSeal(randomKey());
    }

    /** {@value #MIN_KEY_BYTES} random bytes, for a new key. */
    public static byte[] randomKey() {
        byte[] bytes = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The cursor text of {@code payload} for a list of {@code scope}. */
    public String seal(String payload, String scope) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(tag(bytes, scope));
    }

    /**
     * The payload of a cursor this seal made for a list of {@code scope}; empty for anything else:
     * text that is not a sealed cursor, a cursor altered in any way, made with another key or for
     * another scope.
     */
    public Optional<String> open(String text, String scope) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] tag;
        try {
            payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
            tag = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(tag, tag(payload, scope))) {
            return Optional.empty();
        }
        // Canonical text only: the same bytes written another way (padding, other alphabet) are not the cursor.
        if (!seal(new String(payload, StandardCharsets.UTF_8), scope).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(new String(payload, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] payload, String scope) {
        byte[] scopeBytes = scope.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(ByteBuffer.allocate(4).putInt(scopeBytes.length).array());
            mac.update(scopeBytes);
            mac.update(payload);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
