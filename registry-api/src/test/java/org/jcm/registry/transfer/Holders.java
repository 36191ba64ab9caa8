package org.jcm.registry.transfer;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import org.jcm.testsupport.TestTokens;

/**
 * Tokens of account holders with subjects of the test's choosing, with or without the claim
 * {@code "approver": true} (a JSON boolean), signed like {@link TestTokens}'.
 */
final class Holders {

    private Holders() {
    }

    /** A holder of {@code org} with subject {@code subject}, without the approver claim. */
    static String holder(String org, String subject) {
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(subject).upn(subject)
                .groups(Set.of("account-holder")).claim("org", org).expiresIn(Duration.ofHours(1)).sign();
    }

    /** A holder of {@code org} with subject {@code subject} and the claim {@code "approver": true}. */
    static String approver(String org, String subject) {
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(subject).upn(subject)
                .groups(Set.of("account-holder")).claim("org", org).claim("approver", true).expiresIn(Duration.ofHours(1))
                .sign();
    }
}
