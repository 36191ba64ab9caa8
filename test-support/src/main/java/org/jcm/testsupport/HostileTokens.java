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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.testsupport.Hostile.TokenKind;

/**
 * The bearer tokens behind {@link Hostile#authorization}: one valid token signed with the test key
 * for both services' audiences, and each way of getting it wrong that {@link TokenKind} names
 * (forged, expired, unsigned, a stranger's key, another issuer or audience, and so on).
 */
final class HostileTokens {

    private HostileTokens() {
    }

    /** The Authorization header for a kind of token, or null for none (see {@link Hostile#authorization}). */
    static String authorization(TokenKind kind, String subject, Set<String> groups, Map<String, String> claims) {
        return switch (kind) {
            case VALID -> bearer(claims(subject, groups, claims).sign());
            case NONE -> null;
            case EXPIRED -> bearer(claims(subject, groups, claims).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                    .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign());
            case NOT_YET_VALID -> bearer(claims(subject, groups, claims).claim("nbf", Instant.now().plus(Duration.ofDays(1))
                    .getEpochSecond()).sign());
            case FORGED_SIGNATURE -> bearer(forge(claims(subject, groups, claims).sign()));
            case ALG_NONE -> bearer(unsigned(subject, groups, claims));
            case STRANGER_KEY -> bearer(claims(subject, groups, claims).sign(strangerKey()));
            case OTHER_ISSUER -> bearer(claims(subject, groups, claims).issuer("https://attacker.example").sign());
            case OTHER_AUDIENCE -> bearer(claims(subject, groups, claims).audience("some-other-service").sign());
            case NO_AUDIENCE -> bearer(withoutAudience(subject, groups, claims));
            case NO_ISSUER -> bearer(claims(subject, groups, claims).issuer("").sign());
            case GARBAGE -> "Bearer " + Base64.getUrlEncoder().encodeToString(Hostile.utf8("not a token at all")) + ".x.y";
            case NOT_BEARER -> "Basic " + Base64.getEncoder().encodeToString(Hostile.utf8("operator:operator"));
            case WRONG_ROLE -> bearer(claims(subject, Set.of("nobody"), claims).sign());
            case EMPTY_GROUPS -> bearer(claims(subject, Set.of(), claims).sign());
            case HUGE_CLAIM -> bearer(claims(subject, groups, claims).claim("junk", "j".repeat(4_000)).sign());
            case INJECTED_SUBJECT -> bearer(claims("'; DROP TABLE idempotency; --\r\nINFO forged", groups, claims).sign());
            case ISSUED_IN_THE_FUTURE -> bearer(claims(subject, groups, claims).issuedAt(Instant.now().plus(Duration.ofHours(1)))
                    .expiresAt(Instant.now().plus(Duration.ofHours(1).plusMinutes(10))).sign());
            case LONG_LIVED -> bearer(claims(subject, groups, claims).issuedAt(Instant.now())
                    .expiresAt(Instant.now().plus(Duration.ofDays(30))).sign());
            case SEVERAL_ROLES -> bearer(claims(subject, severalRoles(groups), claims).sign());
        };
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> groups, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer("jcm-registry").audience(Hostile.AUDIENCES).subject(subject).upn(subject).groups(groups)
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder;
    }

    private static String withoutAudience(String subject, Set<String> groups, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer("jcm-registry").subject(subject).upn(subject).groups(groups)
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign();
    }

    /** The caller's role and one more, the most powerful one it does not have. */
    private static Set<String> severalRoles(Set<String> groups) {
        Set<String> several = new TreeSet<>(groups);
        several.add(groups.contains("operator") ? "auditor" : "operator");
        return several;
    }

    /** The token with one character of its signature changed. */
    private static String forge(String token) {
        int dot = token.lastIndexOf('.');
        char[] chars = token.toCharArray();
        int at = dot + 1 + (token.length() - dot - 1) / 2;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    /** A token with {@code alg: none} and no signature, claiming whatever a caller would want. */
    private static String unsigned(String subject, Set<String> groups, Map<String, String> claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", "jcm-registry");
        payload.put("aud", List.copyOf(Hostile.AUDIENCES));
        payload.put("sub", subject);
        payload.put("upn", subject);
        payload.put("groups", groups);
        payload.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        payload.putAll(claims);
        try {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(Hostile.utf8("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "."
                    + encoder.encodeToString(Hostile.JSON.writeValueAsBytes(payload)) + ".";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey strangerKey() {
        try (InputStream pem = HostileTokens.class.getResourceAsStream("/jwt/stranger-private-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
