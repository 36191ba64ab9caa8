package org.jcm.settlement.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * <p>It replaces SmallRye's own parser (an alternative with priority), so every bearer token
 * settlement authenticates passes these rules.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CheckedTokenParser extends RuledTokenParser {

    @Inject
    CheckedTokenParser(DefaultJWTParser delegate,
                       @ConfigProperty(name = "jcm.security.issued-at-leeway", defaultValue = "60s") Duration leeway,
                       @ConfigProperty(name = "jcm.security.max-token-lifetime", defaultValue = "1h") Duration maxLifetime) {
        super(delegate, new TokenRules(leeway, maxLifetime, Role.wireNames()), System::currentTimeMillis);
    }

    /** For CDI's client proxy. */
    protected CheckedTokenParser() {
    }
}
