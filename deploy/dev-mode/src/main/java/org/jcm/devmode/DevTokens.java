package org.jcm.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.ledger.canonical.Json;

/**
 * Dev mode's token key pair and the dev tokens signed with it (RS256, issuer {@code jcm-registry},
 * both services as audience, one role each: docs/security.md, "Tokens").
 *
 * <p>The key pair is generated on first use in a folder under the module's {@code target/}, never
 * committed and never named by the services' production configuration, which reads the identity
 * provider's public key from {@code /etc/jcm/jwt/public-key.pem}. A dev token is therefore accepted
 * only by a service in dev mode on this checkout.
 */
final class DevTokens {

    /** The dev actors: variable name, role, extra claims. */
    static final List<Actor> ACTORS = List.of(
            new Actor("JCM_DEV_TOKEN_OPERATOR", "operator", "dev-operator", Map.of()),
            new Actor("JCM_DEV_TOKEN_AUDITOR", "auditor", "dev-auditor", Map.of()));

    static final String ISSUER = "jcm-registry";
    static final List<String> AUDIENCES = List.of("jcm-registry", "jcm-settlement");

    private static final String PRIVATE_KEY_FILE = "private-key.pem";
    private static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DevTokens(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** One dev actor: the shell variable of its token, its role, subject and scope claims. */
    record Actor(String variable, String role, String subject, Map<String, ?> claims) {
    }

    /** Loads the key pair from the folder, generating it first if the folder has none. */
    static DevTokens loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                generate(directory, privateFile, publicFile);
            }
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile)));
            return new DevTokens(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the dev token keys in " + directory, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The dev token keys in " + directory + " are unreadable; delete the folder", e);
        }
    }

    /** The PEM file the service verifies dev tokens with. */
    Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed token for the actor, issued at {@code now} and valid for {@code validity}. */
    String mint(Actor actor, Instant now, Duration validity) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCES);
        payload.put("sub", actor.subject());
        payload.put("upn", actor.subject());
        payload.put("groups", List.of(actor.role()));
        payload.putAll(actor.claims());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(validity).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        String signingInput = part(header) + "." + part(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a JWT with RS256", e);
        }
    }

    /** Writes a file a shell can {@code source}: one variable per dev actor, readable by its owner only. */
    void writeTokensFile(Path file, Instant now, Duration validity) {
        StringBuilder text = new StringBuilder("# JCM dev mode: bearer tokens for a service in dev mode on this checkout,\n")
                .append("# valid until ").append(now.plus(validity)).append(". Use:  source ").append(file).append('\n');
        for (Actor actor : ACTORS) {
            text.append(actor.variable()).append('=').append(mint(actor, now, validity)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            write(file, text.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String part(Map<String, Object> json) {
        return URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static void generate(Path directory, Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        write(privateFile, pemText("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        write(publicFile, pemText("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    }

    private static String pemText(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " is not a PEM private key");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
