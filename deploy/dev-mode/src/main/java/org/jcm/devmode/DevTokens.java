package org.jcm.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jcm.embedded.JwtIssuer;

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

    private final JwtIssuer issuer;

    private DevTokens(JwtIssuer issuer) {
        this.issuer = issuer;
    }

    /** One dev actor: the shell variable of its token, its role, subject and scope claims. */
    record Actor(String variable, String role, String subject, Map<String, ?> claims) {
    }

    /** Loads the key pair from the folder, generating it first if the folder has none. */
    static DevTokens loadOrCreate(Path directory) {
        return new DevTokens(JwtIssuer.loadOrCreate(directory));
    }

    /** The PEM file the service verifies dev tokens with. */
    Path publicKeyFile() {
        return issuer.publicKeyFile();
    }

    /** A signed token for the actor, issued at {@code now} and valid for {@code validity}. */
    String mint(Actor actor, Instant now, Duration validity) {
        return issuer.mint(actor.subject(), actor.role(), actor.claims(), now, validity);
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
}
