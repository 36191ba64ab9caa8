package org.jcm.registry.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.ledger.command.Role;
import org.jcm.support.security.TokenRules;

/**
 * SmallRye JWT's parser followed by the registry's own token rules ({@link TokenRules}): a token
 * names when it was issued and not further in the future than {@code jcm.security.issued-at-leeway}
 * (default 60 s), lives at most {@code jcm.security.max-token-lifetime} (default 1 h) and carries
 * at most one role. SmallRye has already checked the signature, the issuer, the audience
 * ({@code mp.jwt.verify.audiences}) and the expiry. A token that breaks a rule fails with
 * {@link TokenRefusedException}, answered 401 {@code unauthorized}.
 *
 * <p>{@link VerifiedTokenCache} verifies through this parser, so a token is checked before it is
 * remembered; none of the rules can start failing later for a token that passed them.
 */
@ApplicationScoped
@Typed(CheckedTokenParser.class)
public class CheckedTokenParser implements JWTParser {

    private final JWTParser delegate;
    private final TokenRules rules;
    private final LongSupplier clock;

    @Inject
    CheckedTokenParser(DefaultJWTParser delegate,
                       @ConfigProperty(name = "jcm.security.issued-at-leeway", defaultValue = "60s") Duration leeway,
                       @ConfigProperty(name = "jcm.security.max-token-lifetime", defaultValue = "1h") Duration maxLifetime) {
        this(delegate, rules(leeway, maxLifetime), System::currentTimeMillis);
    }

    /** A parser applying {@code rules} at the time {@code clock} (milliseconds) tells. */
    public CheckedTokenParser(JWTParser delegate, TokenRules rules, LongSupplier clock) {
        this.delegate = delegate;
        this.rules = rules;
        this.clock = clock;
    }

    /** The rules with the registry's roles. */
    public static TokenRules rules(Duration leeway, Duration maxLifetime) {
        return new TokenRules(leeway, maxLifetime,
                Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.toSet()));
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

    private JsonWebToken checked(JsonWebToken token) throws TokenRefusedException {
        Long issuedAt = token.containsClaim(Claims.iat.name()) ? token.getIssuedAtTime() : null;
        var refusal = rules.refusal(issuedAt, token.getExpirationTime(), token.getGroups(), clock.getAsLong() / 1000);
        if (refusal.isPresent()) {
            throw new TokenRefusedException(refusal.get());
        }
        return token;
    }
}
