package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtIssuerTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:30:00Z");

    @Test
    void a_minted_token_is_rs256_signed_by_the_generated_key_and_carries_issuer_role_scope_and_expiry(@TempDir Path keys)
            throws Exception {
        JwtIssuer issuer = JwtIssuer.loadOrCreate(keys);

        String token = issuer.mint("trader@gobi-solar", "account-holder", Map.of("org", "MNG01-O0001"), NOW, Duration.ofDays(365));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(issuer.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(decode(parts[0])).isEqualTo(Map.of("alg", "RS256", "typ", "JWT"));
        Map<?, ?> claims = decode(parts[1]);
        assertThat(claims.get("iss")).isEqualTo("jcm-registry");
        assertThat(claims.get("aud")).isEqualTo(List.of("jcm-registry", "jcm-settlement"));
        assertThat(claims.get("sub")).isEqualTo("trader@gobi-solar");
        assertThat(claims.get("upn")).isEqualTo("trader@gobi-solar");
        assertThat(claims.get("groups")).isEqualTo(List.of("account-holder"));
        assertThat(claims.get("org")).isEqualTo("MNG01-O0001");
        assertThat(claims.get("iat")).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp")).isEqualTo(NOW.plus(Duration.ofDays(365)).getEpochSecond());
        assertThat(token).doesNotContain("=", "+", "/");
    }

    @Test
    void the_services_are_told_the_key_the_issuer_and_the_lifetime_of_the_tokens_minted_here(@TempDir Path keys) {
        JwtIssuer issuer = JwtIssuer.loadOrCreate(keys);

        assertThat(issuer.serviceEnvironment())
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public-key.pem").toString())
                .containsEntry("MP_JWT_VERIFY_ISSUER", "jcm-registry")
                .containsEntry("JCM_SECURITY_MAX_TOKEN_LIFETIME", "PT8760H");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> issuer.mint("x", "operator", Map.of(), NOW,
                JwtIssuer.MAX_TOKEN_LIFETIME.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_pair_is_generated_once_and_the_private_key_is_readable_only_by_its_owner(@TempDir Path keys) throws Exception {
        JwtIssuer first = JwtIssuer.loadOrCreate(keys);
        JwtIssuer second = JwtIssuer.loadOrCreate(keys);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(Files.readString(first.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private-key.pem"))))
                .isEqualTo("rw-------");
    }

    private static Map<?, ?> decode(String part) {
        return (Map<?, ?>) Json.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
