package org.jcm.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a webhook delivery, as the Standard Webhooks specification (and
 * docs/webhooks.md) says: the secret is {@code whsec_} and the base64 of the key; the
 * {@code webhook-signature} header holds one or more space-separated {@code v1,<base64>} entries,
 * each an HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>}; one matching entry is
 * enough (two while a secret is rotated). A timestamp further than {@link #TOLERANCE} from the
 * receiver's clock is refused, so that a recorded delivery cannot be replayed later.
 */
final class WebhookSignature {

    /** How far a delivery's timestamp may be from the receiver's clock (the specification's suggestion). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /**
     * Why a delivery does not verify, or null if it does.
     *
     * @param secret the endpoint's secret, as registration answered it
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (seconds since the epoch)
     * @param body the raw body
     * @param signatures the {@code webhook-signature} header
     * @param now the receiver's clock
     */
    static String problem(String secret, String id, String timestamp, byte[] body, String signatures, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return "webhook-id, webhook-timestamp or webhook-signature missing";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from this clock";
        }
        byte[] expected = hmac(secret, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String entry : signatures.trim().split(" +")) {
            if (entry.startsWith("v1,") && matches(expected, entry.substring(3))) {
                return null;
            }
        }
        return "no v1 signature matches the secret";
    }

    /** The {@code v1,<base64>} signature of a delivery, as a sender computes it (for tests and examples). */
    static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] signed = hmac(secret, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
