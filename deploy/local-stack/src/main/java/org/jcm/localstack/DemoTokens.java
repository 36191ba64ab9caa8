package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.embedded.JwtIssuer;

/** The demo actors' bearer tokens, minted with the stack's key, and the tokens file that holds them. */
final class DemoTokens {

    /**
     * Long enough that a demo folder never sees one expire (they are minted again at every start);
     * the stack's services are started to accept it ({@link JwtIssuer#serviceEnvironment()}).
     */
    static final Duration VALIDITY = JwtIssuer.MAX_TOKEN_LIFETIME;

    private final JwtIssuer issuer;
    private final Instant now;

    DemoTokens(JwtIssuer issuer, Instant now) {
        this.issuer = issuer;
        this.now = now;
    }

    /** Each actor's token, in the order of {@link DemoActor#all}, by variable name. */
    Map<String, String> mint(List<DemoActor> actors) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoActor actor : actors) {
            tokens.put(actor.variable(), issuer.mint(actor.subject(), actor.role(), actor.claims(), now, VALIDITY));
        }
        return tokens;
    }

    /** The token of one actor. */
    String mint(DemoActor actor) {
        return issuer.mint(actor.subject(), actor.role(), actor.claims(), now, VALIDITY);
    }

    Instant expiry() {
        return now.plus(VALIDITY);
    }

    /**
     * Writes a file that a shell can {@code source}: the service URLs and one variable per actor,
     * each preceded by a comment saying who it is.
     */
    void write(Path file, List<DemoActor> actors, Map<String, String> tokens, Map<String, String> urls) {
        StringBuilder text = new StringBuilder()
                .append("# JCM local stack: bearer tokens of the demo actors, valid until ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(expiry().atZone(ZoneOffset.UTC)))
                .append(",\n# signed with the key in ").append(file.resolveSibling("jwt")).append(".\n")
                .append("# Use:  source ").append(file).append('\n')
                .append("#       curl -H \"Authorization: Bearer $JCM_TOKEN_SAKURA_TRADING\" "
                        + "$JCM_REGISTRY_URL/api/v1/accounts/JPN01-H00001/holdings\n\n");
        urls.forEach((name, url) -> text.append(name).append('=').append(url).append('\n'));
        for (DemoActor actor : actors) {
            text.append("\n# ").append(actor.description()).append('\n')
                    .append(actor.variable()).append('=').append(tokens.get(actor.variable())).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system.
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
