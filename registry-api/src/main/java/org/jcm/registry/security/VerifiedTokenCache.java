package org.jcm.registry.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser Quarkus's JWT validator uses, with a bounded memory of tokens already
 * verified. Verifying a token (an RSA signature check, base64 and JSON decoding, the claim checks)
 * was about a quarter of the CPU of a write request, and a client sends the same token with
 * every request until it expires.
 *
 * <p>The key is the raw token text: a token is answered from memory only if exactly these bytes
 * passed the full verification before, and only while it has not expired ({@code exp}, without
 * the verifier's clock-skew allowance) and for at most {@code jcm.security.token-cache.max-age}
 * after it was verified, so that a change of the verification key takes effect within that time.
 * Refused tokens are not remembered; every call with them is verified again. Authorization (roles,
 * scope claims) is still checked on every request from the token's claims.
 *
 * <p>Verification goes through {@link CheckedTokenParser}, so a token is remembered only after
 * it passed the registry's own rules too (issued-at, lifetime, one role).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser delegate;
    private final int capacity;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokenCache(CheckedTokenParser delegate,
                       @ConfigProperty(name = "jcm.security.token-cache.size", defaultValue = "10000") int capacity,
                       @ConfigProperty(name = "jcm.security.token-cache.max-age", defaultValue = "5m") Duration maxAge) {
        this(delegate, capacity, maxAge, System::currentTimeMillis);
    }

    /** A cache over {@code delegate}; {@code capacity} 0 turns it off. */
    public VerifiedTokenCache(JWTParser delegate, int capacity, Duration maxAge, LongSupplier clock) {
        this.delegate = delegate;
        this.capacity = Math.max(0, capacity);
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (capacity == 0) {
            return delegate.parse(token);
        }
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntilMillis) {
                return known.token;
            }
            verified.remove(token, known);
        }
        JsonWebToken parsed = delegate.parse(token);
        long validUntil = Math.min(parsed.getExpirationTime() * 1000L, now + maxAgeMillis);
        if (validUntil > now) {
            if (verified.size() >= capacity) {
                makeRoom(now);
            }
            verified.put(token, new Verified(parsed, validUntil));
        }
        return parsed;
    }

    /** Drops expired entries; if that is not enough, forgets everything (tokens are verified again). */
    private void makeRoom(long now) {
        for (Iterator<Verified> it = verified.values().iterator(); it.hasNext();) {
            if (it.next().validUntilMillis <= now) {
                it.remove();
            }
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    /** Tokens remembered now. */
    public int size() {
        return verified.size();
    }

    // Other ways of parsing are not used by the validator; they are not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
