package org.jcm.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path folder;

    @Test
    void a_dev_token_is_an_RS256_token_for_both_services_that_the_written_public_key_verifies() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(folder.resolve("jwt"));
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        String token = tokens.mint(DevTokens.ACTORS.get(0), now, Duration.ofHours(12));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(tokens.publicKeyFile()));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> claims = (java.util.Map<String, Object>) Json.parse(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("iss", "jcm-registry")
                .containsEntry("aud", List.of("jcm-registry", "jcm-settlement"))
                .containsEntry("groups", List.of("operator"))
                .containsEntry("sub", "dev-operator");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void the_key_pair_is_made_once_and_kept_so_that_earlier_tokens_stay_valid() throws Exception {
        DevTokens first = DevTokens.loadOrCreate(folder.resolve("jwt"));
        String key = Files.readString(first.publicKeyFile());

        DevTokens second = DevTokens.loadOrCreate(folder.resolve("jwt"));

        assertThat(Files.readString(second.publicKeyFile())).isEqualTo(key);
        assertThat(Files.getPosixFilePermissions(folder.resolve("jwt/private-key.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void the_tokens_file_holds_one_variable_per_dev_actor_and_only_its_owner_may_read_it() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(folder.resolve("jwt"));
        Path file = folder.resolve("tokens.env");

        tokens.writeTokensFile(file, Instant.now(), Duration.ofHours(1));

        List<String> variables = Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith("#")).map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(variables).containsExactly("JCM_DEV_TOKEN_OPERATOR", "JCM_DEV_TOKEN_AUDITOR");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private static PublicKey publicKey(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(text)));
    }
}
