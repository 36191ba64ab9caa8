package org.jcm.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Mints bearer tokens for tests, signed with the calling service's test key pair in
 * {@code src/test/resources/jwt} (or, to test refusal, with a stranger's key there), for the
 * audience that service requires: {@code mp.jwt.verify.audiences} in its
 * {@code application.properties}, read from the test's class path.
 */
public final class TestTokens {

    /** The issuer the service trusts. */
    public static final String ISSUER = "jcm-registry";
    /** The audience the service under test requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = configured("mp.jwt.verify.audiences");

    private TestTokens() {
    }

    /** A token for an account holder of an organisation. */
    public static String accountHolder(String org) {
        return token("holder@" + org, Set.of("account-holder"), Map.of("org", org));
    }

    /** A token for the administrator of a registry. */
    public static String registryAdmin(String registry) {
        return token("admin@" + registry, Set.of("registry-admin"), Map.of("registry", registry));
    }

    /** A token for a government acting for a Party (ISO 3166 alpha-3). */
    public static String government(String party) {
        return token("gov@" + party, Set.of("government"), Map.of("party", party));
    }

    /** A token for the JC secretariat of the Joint Committee with a partner Party (ISO 3166 alpha-3): claim {@code party}. */
    public static String jcSecretariat(String party) {
        return token("secretariat@" + party, Set.of("jc-secretariat"), Map.of("party", party));
    }

    /** A token for an accredited third-party entity ({@code TPE-0001}): claim {@code tpe}. */
    public static String thirdPartyEntity(String entity) {
        return token("tpe@" + entity, Set.of("third-party-entity"), Map.of("tpe", entity));
    }

    /**
     * A token for a second administrator of a registry ({@code approver@<registry>}) that carries
     * the claim {@code approver: true}: it may approve or reject another administrator's proposal.
     */
    public static String registryApprover(String registry) {
        return approver("approver@" + registry, Set.of("registry-admin"), Map.of("registry", registry));
    }

    /** A token for a second official of a Party ({@code approver@<party>}) with the claim {@code approver: true}. */
    public static String governmentApprover(String party) {
        return approver("approver@" + party, Set.of("government"), Map.of("party", party));
    }

    /**
     * A token for a second account holder of an organisation ({@code approver@<org>}) with the
     * claim {@code approver: true}: it may approve the organisation's pending transfers.
     */
    public static String accountHolderApprover(String org) {
        return approver("approver@" + org, Set.of("account-holder"), Map.of("org", org));
    }

    /** As {@link #token}, with the claim {@code approver: true} (a JSON boolean) as well. */
    public static String approver(String subject, Set<String> groups, Map<String, String> claims) {
        return claims(subject, groups, claims).claim("approver", true).sign();
    }

    /** A token for an exchange (trading venue). */
    public static String exchange(String venue) {
        return token("exchange@" + venue, Set.of("exchange"), Map.of("venue", venue));
    }

    /** A token for the operator of the system. */
    public static String operator() {
        return token("operator", Set.of("operator"), Map.of());
    }

    /** A token with any subject, groups and extra claims, valid for an hour. */
    public static String token(String subject, Set<String> groups, Map<String, String> claims) {
        return claims(subject, groups, claims).sign();
    }

    /** A token that expired ten minutes ago. */
    public static String expired(Set<String> groups) {
        Instant now = Instant.now();
        return claims("late", groups, Map.of())
                .issuedAt(now.minus(Duration.ofHours(1)))
                .expiresAt(now.minus(Duration.ofMinutes(10)))
                .sign();
    }

    /** A well-formed token signed with a key the service does not trust. */
    public static String signedByStranger(Set<String> groups) {
        return claims("stranger", groups, Map.of()).sign(strangerKey());
    }

    /** A token signed with the right key but naming another issuer. */
    public static String fromOtherIssuer(Set<String> groups) {
        return claims("elsewhere", groups, Map.of()).issuer("someone-else").sign();
    }

    /** A valid token for an auditor. */
    public static String auditor() {
        return token("auditor", Set.of("auditor"), Map.of());
    }

    /** A token issued {@code ahead} in the future, valid for ten minutes after that. */
    public static String issuedInTheFuture(Set<String> groups, Map<String, String> claims, Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        return claims("early", groups, claims).issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(10))).sign();
    }

    /** A token issued now that lives {@code lifetime}. */
    public static String living(Set<String> groups, Map<String, String> claims, Duration lifetime) {
        Instant now = Instant.now();
        return claims("long", groups, claims).issuedAt(now).expiresAt(now.plus(lifetime)).sign();
    }

    /** A token for the audiences given (none: no {@code aud} claim at all). */
    public static String forAudiences(Set<String> groups, Map<String, String> claims, String... audiences) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).subject("aimed").upn("aimed").groups(groups)
                .expiresIn(Duration.ofMinutes(10));
        if (audiences.length > 0) {
            builder.audience(Set.of(audiences));
        }
        claims.forEach(builder::claim);
        return builder.sign();
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> groups, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder;
    }

    private static String configured(String key) {
        Properties properties = new Properties();
        try (InputStream in = TestTokens.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("No application.properties on the class path to read " + key + " from");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.contains(",")) {
            throw new IllegalStateException("application.properties must set " + key + " to one value, not " + value);
        }
        return value.trim();
    }

    private static PrivateKey strangerKey() {
        try (InputStream pem = TestTokens.class.getResourceAsStream("/jwt/stranger-private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
