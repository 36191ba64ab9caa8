package org.jcm.support.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser followed by the services' own token rules ({@link TokenRules}): a token
 * names when it was issued and not further in the future than {@code jcm.security.issued-at-leeway},
 * lives at most {@code jcm.security.max-token-lifetime} and carries at most one role. SmallRye has
 * already checked the signature, the issuer, the audience ({@code mp.jwt.verify.audiences}) and the
 * expiry. A token that breaks a rule fails with {@link TokenRefusedException}, which the services'
 * mappers answer 401 {@code unauthorized} with the rule as the detail.
 *
 * <p>Each service subclasses it once, with the CDI annotations that put it where that service
 * verifies tokens (docs/security.md, "Tokens").
 */
public abstract class RuledTokenParser implements JWTParser {

    // Not final: CDI's client proxies of the services' subclasses are made with the constructor below.
    private JWTParser delegate;
    private TokenRules rules;
    private LongSupplier clock;

    /** For CDI's client proxies only: a proxy passes every call on to the real bean. */
    protected RuledTokenParser() {
    }

    /** A parser that verifies with {@code delegate}, then applies {@code rules} at the time {@code clock} (ms) tells. */
    protected RuledTokenParser(JWTParser delegate, TokenRules rules, LongSupplier clock) {
        this.delegate = delegate;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return checked(delegate.parse(token));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return checked(delegate.parse(token, context));
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return checked(delegate.verify(token, key));
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return checked(delegate.verify(token, key));
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return checked(delegate.verify(token, secret));
    }

    // Decrypting and parsing without verification are not authentication; they pass through.

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

    private JsonWebToken checked(JsonWebToken token) throws ParseException {
        Long issuedAt = token.containsClaim(Claims.iat.name()) ? token.getIssuedAtTime() : null;
        Optional<String> refusal = rules.refusal(issuedAt, token.getExpirationTime(), token.getGroups(),
                clock.getAsLong() / 1000);
        if (refusal.isPresent()) {
            throw new TokenRefusedException(refusal.get());
        }
        return token;
    }
}
