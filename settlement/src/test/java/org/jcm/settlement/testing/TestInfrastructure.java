package org.jcm.settlement.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.SharedInfrastructure;

/**
 * The JVM's one PostgreSQL database and Kafka broker for settlement's tests. A service restarted under
 * a test profile loads the test classes again, with fresh statics; the coordinates are kept in system
 * properties, so that the restarted service and its tests find the same database and broker, with what
 * the tests before the restart left in them.
 */
public final class TestInfrastructure {

    private static final String PREFIX = "jcm.test.settlement.";

    private TestInfrastructure() {
    }

    /** The broker's bootstrap servers. */
    public static String kafkaBootstrapServers() {
        synchronized (System.getProperties()) {
            String servers = System.getProperty(PREFIX + "kafka");
            if (servers == null) {
                servers = SharedInfrastructure.kafka().bootstrapServers();
                System.setProperty(PREFIX + "kafka", servers);
            }
            return servers;
        }
    }

    /**
     * The database's connection settings: reactive and JDBC URL, the service role's user and
     * password, and Flyway's owner credentials (docs/security.md, "Database roles").
     */
    public static Map<String, String> database(String name) {
        synchronized (System.getProperties()) {
            String kept = System.getProperty(PREFIX + "database");
            Map<String, String> settings = new LinkedHashMap<>();
            if (kept == null) {
                settings.putAll(SharedInfrastructure.serviceDatabase(name, DatabaseRoles.SETTLEMENT).quarkusProperties());
                StringBuilder lines = new StringBuilder();
                settings.forEach((key, value) -> lines.append(key).append('\t').append(value).append('\n'));
                System.setProperty(PREFIX + "database", lines.toString());
            } else {
                for (String line : kept.split("\n")) {
                    int tab = line.indexOf('\t');
                    settings.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return settings;
        }
    }
}
