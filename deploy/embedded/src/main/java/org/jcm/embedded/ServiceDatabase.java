package org.jcm.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service's database with the coordinates of each role that connects to it: the owner (runs
 * the migrations) and the service role (what the running service uses). The server's superuser
 * is {@link #superuser()}, for administration and for tests that act as someone holding it.
 *
 * @param owner the database as its owner
 * @param service the database as the service role
 */
public record ServiceDatabase(PostgresDatabase owner, PostgresDatabase service) {

    /** Checks that both coordinates name the same database on the same server. */
    public ServiceDatabase {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(service, "service");
        if (owner.port() != service.port() || !owner.name().equals(service.name())) {
            throw new IllegalArgumentException("Owner and service coordinates name different databases");
        }
    }

    /** The database name. */
    public String name() {
        return service.name();
    }

    /** The roles. */
    public DatabaseRoles roles() {
        return new DatabaseRoles(owner.user(), service.user());
    }

    /** The database as the server's superuser. */
    public PostgresDatabase superuser() {
        return new PostgresDatabase(service.port(), service.name(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    /**
     * The environment variables that point a Quarkus service (registry-api, settlement) at this
     * database: the datasource as the service role, Flyway as the owner.
     */
    public Map<String, String> quarkusEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", service.reactiveUrl());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", service.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", service.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", service.password());
        environment.put("QUARKUS_FLYWAY_USERNAME", owner.user());
        environment.put("QUARKUS_FLYWAY_PASSWORD", owner.password());
        return environment;
    }

    /** The same settings as configuration properties, for Quarkus test resources and profiles. */
    public Map<String, String> quarkusProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.reactive.url", service.reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", service.jdbcUrl());
        properties.put("quarkus.datasource.username", service.user());
        properties.put("quarkus.datasource.password", service.password());
        properties.put("quarkus.flyway.username", owner.user());
        properties.put("quarkus.flyway.password", owner.password());
        return properties;
    }
}
