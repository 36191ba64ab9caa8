package org.jcm.devmode;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points registry-api or settlement in Quarkus dev mode ({@code ./mvnw quarkus:dev}) at an embedded
 * PostgreSQL server and Kafka broker started in the dev JVM, and makes it accept dev tokens
 * ({@link DevInfrastructure}). Registered through {@code META-INF/services}; the services have this
 * module on their class path with scope {@code provided}, which dev mode and tests see and a
 * packaged service does not.
 *
 * <p>It acts only when the active profile is {@code dev} and {@code jcm.dev.embedded} is not
 * {@code false}; in tests and in production it returns no source. Its ordinal (275) is above
 * {@code application.properties} (250) and below environment variables (300) and system properties
 * (400), so that {@code QUARKUS_DATASOURCE_REACTIVE_URL=...} or {@code -Dkafka.bootstrap.servers=...}
 * still win.
 */
public final class DevModeConfigSourceFactory implements ConfigSourceFactory {

    /** The ordinal of the source: above application.properties, below the environment. */
    static final int ORDINAL = 275;
    /** The switch: {@code -Djcm.dev.embedded=false} uses the configured servers instead. */
    static final String ENABLED = "jcm.dev.embedded";
    /** The services this module knows, by {@code quarkus.application.name}: their database's name. */
    static final Map<String, String> DATABASES = Map.of("registry-api", "registry", "settlement", "settlement");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || "false".equalsIgnoreCase(value(context, ENABLED))) {
            return List.of();
        }
        String application = value(context, "quarkus.application.name");
        String database = DATABASES.get(application);
        if (database == null) {
            return List.of();
        }
        Map<String, String> properties = DevInfrastructure.start(application, database, Path.of("target", "jcm-dev"));
        return List.of(new MapBackedConfigSource("JCM dev-mode infrastructure (jcm-dev-mode)", properties, ORDINAL) { });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
