package org.jcm.support.security;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * A token that passed SmallRye JWT's verification but breaks the services' own token rules
 * ({@link TokenRules}, applied by {@link RuledTokenParser}). It fails authentication like any bad
 * token (401 {@code unauthorized}); its message, which names the rule, becomes the problem's detail.
 */
public class TokenRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    /** A refusal with the reason to tell the client. */
    public TokenRefusedException(String reason) {
        super(reason);
    }
}
