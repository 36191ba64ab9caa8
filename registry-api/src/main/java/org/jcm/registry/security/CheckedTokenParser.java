package org.jcm.registry.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.ledger.command.Role;
import org.jcm.support.security.RuledTokenParser;
import org.jcm.support.security.TokenRules;

/**
 * SmallRye JWT's parser followed by the token rules both services apply ({@link RuledTokenParser},
 * {@link TokenRules}: issued at most {@code jcm.security.issued-at-leeway} ahead, living at most
 * {@code jcm.security.max-token-lifetime}, one role). A token that breaks a rule fails with
 * {@link org.jcm.support.security.TokenRefusedException}, answered 401 {@code unauthorized}.
 *
 * <p>{@link VerifiedTokenCache} verifies through this parser, so a token is checked before it is
 * remembered; none of the rules can start failing later for a token that passed them.
 */
@ApplicationScoped
@Typed(CheckedTokenParser.class)
public class CheckedTokenParser extends RuledTokenParser {

    @Inject
    CheckedTokenParser(DefaultJWTParser delegate,
                       @ConfigProperty(name = "jcm.security.issued-at-leeway", defaultValue = "60s") Duration leeway,
                       @ConfigProperty(name = "jcm.security.max-token-lifetime", defaultValue = "1h") Duration maxLifetime) {
        this(delegate, rules(leeway, maxLifetime), System::currentTimeMillis);
    }

    /** A parser applying {@code rules} at the time {@code clock} (milliseconds) tells. */
    public CheckedTokenParser(JWTParser delegate, TokenRules rules, LongSupplier clock) {
        super(delegate, rules, clock);
    }

    /** For CDI's client proxy. */
    protected CheckedTokenParser() {
    }

    /** The rules with the roles of the JCM services. */
    public static TokenRules rules(Duration leeway, Duration maxLifetime) {
        return new TokenRules(leeway, maxLifetime, Role.wireNames());
    }
}
