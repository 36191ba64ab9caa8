package org.jcm.registry.security;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * A token that passed SmallRye JWT's verification but breaks the registry's own token rules
 * ({@link CheckedTokenParser}). It fails authentication like any bad token (401
 * {@code unauthorized}); its message, which names the rule, becomes the problem's detail.
 */
public class TokenRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    /** A refusal with the reason to tell the client. */
    public TokenRefusedException(String reason) {
        super(reason);
    }
}
