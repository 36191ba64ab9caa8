package org.jcm.devmode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.ServiceDatabase;

/**
 * The dev JVM's embedded PostgreSQL server and Kafka broker, and the settings that point a service
 * at them and make it accept dev tokens.
 *
 * <p>Both servers start once per JVM, on free ports and in temporary directories: a dev session's
 * data lives until dev mode stops (for data that outlives it, use the local stack). Dev mode reloads
 * the application in a new class loader when a source changes, which loads this class again; the
 * servers' addresses are therefore kept in JVM-wide system properties, and a reload reuses them. The
 * servers are stopped by their shutdown hooks when the dev JVM exits.
 *
 * <p>The token key pair is generated once in {@code <module>/target/jcm-dev/jwt/} ({@link DevTokens});
 * the tokens minted with it at start are written to {@code target/jcm-dev/tokens.env}. Nothing of this
 * is committed, and nothing in the services' production configuration names it.
 */
final class DevInfrastructure {

    /** How long the dev tokens live, and the longest lifetime dev mode accepts. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private static final Logger LOG = Logger.getLogger(DevInfrastructure.class.getName());
    private static final String STATE = "org.jcm.devmode.";

    private DevInfrastructure() {
    }

    /**
     * Starts the servers unless this JVM has them already, creates the service's database with its
     * roles, and returns the properties that point the service at them.
     */
    static synchronized Map<String, String> start(String application, String database, Path directory) {
        Path home = directory.toAbsolutePath().normalize();
        int postgresPort = Integer.getInteger(STATE + "postgres.port", 0);
        String bootstrap = System.getProperty(STATE + "kafka.bootstrap-servers");
        boolean fresh = postgresPort == 0 || bootstrap == null;
        DatabaseRoles roles = "registry".equals(database) ? DatabaseRoles.REGISTRY : DatabaseRoles.SETTLEMENT;
        ServiceDatabase service;
        if (fresh) {
            // Kafka touches the log4j API once; without a provider it complains on every start.
            if (System.getProperty("log4j2.loggerContextFactory") == null) {
                System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            }
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start();
            service = postgres.createServiceDatabase(database, roles);
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().start();
            bootstrap = kafka.bootstrapServers();
            System.setProperty(STATE + "postgres.port", Integer.toString(postgres.port()));
            System.setProperty(STATE + "kafka.bootstrap-servers", bootstrap);
        } else {
            service = coordinates(postgresPort, database, roles);
        }
        DevTokens tokens = DevTokens.loadOrCreate(home.resolve("jwt"));
        Map<String, String> properties = new LinkedHashMap<>(service.quarkusProperties());
        properties.put("kafka.bootstrap.servers", bootstrap);
        properties.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toString());
        properties.put("jcm.security.max-token-lifetime", TOKEN_LIFETIME.toString());
        if (fresh) {
            Path file = home.resolve("tokens.env");
            tokens.writeTokensFile(file, Instant.now(), TOKEN_LIFETIME);
            LOG.info(() -> "JCM dev mode (" + application + "): embedded PostgreSQL on port " + System.getProperty(STATE
                    + "postgres.port") + ", Kafka at " + System.getProperty(STATE + "kafka.bootstrap-servers")
                    + "; dev tokens in " + file + " (source it, then curl -H \"Authorization: Bearer $JCM_DEV_TOKEN_OPERATOR\" ...)");
        }
        return properties;
    }

    /** The database made at the first start, as a reload finds it (the same as {@code serviceCoordinates}). */
    private static ServiceDatabase coordinates(int port, String database, DatabaseRoles roles) {
        String password = EmbeddedPostgresServer.PASSWORD;
        return new ServiceDatabase(new PostgresDatabase(port, database, roles.owner(), password),
                new PostgresDatabase(port, database, roles.service(), password));
    }
}
