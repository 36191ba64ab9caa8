package org.jcm.settlement.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.embedded.PostgresDatabase;
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

    /** The database's connection settings: reactive and JDBC URL, user and password. */
    public static Map<String, String> database(String name) {
        synchronized (System.getProperties()) {
            if (System.getProperty(PREFIX + "jdbc-url") == null) {
                PostgresDatabase database = SharedInfrastructure.database(name);
                System.setProperty(PREFIX + "reactive-url", database.reactiveUrl());
                System.setProperty(PREFIX + "jdbc-url", database.jdbcUrl());
                System.setProperty(PREFIX + "user", database.user());
                System.setProperty(PREFIX + "password", database.password());
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("quarkus.datasource.reactive.url", System.getProperty(PREFIX + "reactive-url"));
            settings.put("quarkus.datasource.jdbc.url", System.getProperty(PREFIX + "jdbc-url"));
            settings.put("quarkus.datasource.username", System.getProperty(PREFIX + "user"));
            settings.put("quarkus.datasource.password", System.getProperty(PREFIX + "password"));
            return settings;
        }
    }
}
