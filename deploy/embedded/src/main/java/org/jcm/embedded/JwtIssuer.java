package org.jcm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.ledger.canonical.Json;

/**
 * Mints RS256 bearer tokens that registry-api and settlement accept, with a key pair generated in
 * the given folder on first start: the local stack's data folder, the fault harness's and the
 * benchmark's, and dev mode's folder under a module's {@code target/}. The services get the public key and the settings that make them
 * accept these tokens through {@link #serviceEnvironment()}; only the JDK's own crypto is used.
 *
 * <p>Every token names both services as its audience, so that one demo token works on both. Its
 * lifetime may be up to {@link #MAX_TOKEN_LIFETIME}, which is far more than the services accept by
 * default (one hour): the stacks started with these tokens raise the services' maximum to it
 * ({@code JCM_SECURITY_MAX_TOKEN_LIFETIME}), because their tokens never leave the machine.
 */
public final class JwtIssuer {

    /** The issuer both services trust ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "jcm-registry";
    /** The audiences of registry-api and settlement ({@code mp.jwt.verify.audiences}); every token names both. */
    public static final List<String> AUDIENCES = List.of("jcm-registry", "jcm-settlement");
    /**
     * The longest lifetime ({@code exp - iat}) of a token minted here, and the maximum that the
     * services started by the local stack, the fault harness and the benchmark accept.
     */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(365);

    private static final String PRIVATE_KEY_FILE = "private-key.pem";
    private static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private JwtIssuer(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from the directory, generating it first if the directory has none. */
    public static JwtIssuer loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                generate(directory, privateFile, publicFile);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile, "PRIVATE KEY")));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(publicFile, "PUBLIC KEY")));
            return new JwtIssuer(privateKey, publicKey, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT keys in " + directory, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT keys in " + directory + " are unreadable; delete the folder "
                    + "(or start with --fresh) to generate new ones", e);
        }
    }

    /** The PEM file the services verify tokens with. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The environment variables that make a service accept this issuer's tokens: the public key,
     * the issuer, and a maximum token lifetime of {@link #MAX_TOKEN_LIFETIME} (the services' own
     * default is one hour). Each service requires its own audience by default, which every token
     * names.
     */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile.toString());
        environment.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        environment.put("JCM_SECURITY_MAX_TOKEN_LIFETIME", MAX_TOKEN_LIFETIME.toString());
        return environment;
    }

    /**
     * A signed token: issuer {@value #ISSUER}, both services as audience, the subject (also as
     * {@code upn}), the role as the only member of {@code groups}, the extra claims (strings, or
     * {@code true} for {@code approver}), issued now and valid for {@code validity}, at most
     * {@link #MAX_TOKEN_LIFETIME}.
     */
    public String mint(String subject, String role, Map<String, ?> claims, Instant now, Duration validity) {
        if (validity.compareTo(MAX_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException("A token lives at most " + MAX_TOKEN_LIFETIME + ", not " + validity);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCES);
        payload.put("sub", subject);
        payload.put("upn", subject);
        payload.put("groups", List.of(role));
        payload.putAll(claims);
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

    private static String part(Map<String, Object> json) {
        return URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static void generate(Path directory, Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String text = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the data folder's own permissions apply.
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] pem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
