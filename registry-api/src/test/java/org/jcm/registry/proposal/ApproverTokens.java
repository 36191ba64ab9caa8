package org.jcm.registry.proposal;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jcm.testsupport.TestTokens;

/**
 * Tokens of the people of a four-eyes action: a subject of a role and scope, with or without the
 * claim {@code "approver": true} (a JSON boolean, which {@link TestTokens}' string claims cannot
 * express).
 */
public final class ApproverTokens {

    private ApproverTokens() {
    }

    /** A registry administrator of {@code registry} named {@code subject}. */
    public static String admin(String subject, String registry, boolean approver) {
        return token(subject, "registry-admin", Map.of("registry", registry), approver);
    }

    /** A government official of {@code party} named {@code subject}. */
    public static String government(String subject, String party, boolean approver) {
        return token(subject, "government", Map.of("party", party), approver);
    }

    /** Any subject, role and scope claims, with or without {@code "approver": true}. */
    public static String token(String subject, String role, Map<String, String> claims, boolean approver) {
        var builder = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(subject).upn(subject)
                .groups(Set.of(role)).expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        if (approver) {
            builder.claim("approver", true);
        }
        return builder.sign();
    }
}
