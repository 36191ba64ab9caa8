package org.jcm.registry.issuance;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jcm.registry.testing.InfrastructureResource;

/**
 * The service on a database of its own ({@code issuance_limits}), because its tests issue up to
 * 2^53 - 1 units, after which that ledger takes no more issuances. One issuance may create up to
 * 2^53 - 1 units here ({@code jcm.ledger.max-issuance-quantity}), and India has no cooperative
 * approach configured ({@code jcm.reference.cooperative-approaches-file}), so that its units get
 * no ITMO ids.
 */
public class IssuanceLimitsProfile implements QuarkusTestProfile {

    /** The database name. */
    public static final String DATABASE = "issuance_limits";
    /** 2^53 - 1. */
    public static final long MAX = 9_007_199_254_740_991L;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(InfrastructureResource.datasource(DATABASE));
        // Every Quarkus start in the test JVM shares one broker; two ledgers must not mix on one topic.
        config.put("jcm.outbox.topic", "issuance-limits-test.events");
        config.put("jcm.checkpoint.topic", "issuance-limits-test.checkpoints");
        config.put("jcm.ledger.max-issuance-quantity", Long.toString(MAX));
        config.put("jcm.reference.cooperative-approaches-file", withoutIndia().toString());
        return config;
    }

    /** The built-in cooperative approaches without India's line, in a temporary file. */
    private static Path withoutIndia() {
        try (InputStream in = IssuanceLimitsProfile.class.getResourceAsStream("/reference/cooperative-approaches.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("IND,")).collect(Collectors.joining("\n", "", "\n"));
            Path file = Files.createTempFile("cooperative-approaches-without-india", ".csv");
            file.toFile().deleteOnExit();
            return Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
