package org.jcm.registry.testing;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.embedded.SharedInfrastructure;

/**
 * A database of its own on the shared server for tests that drive the writer, the outbox or the
 * schema without Quarkus: created with registry-api's roles and migrated as the owner, granting
 * the service role what the service gets, as a deployment does (docs/security.md, "Database roles").
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** Creates (unless it exists) and migrates the database; the writer and the outbox connect as {@code service()}. */
    public static ServiceDatabase create(String name) {
        return migrate(SharedInfrastructure.serviceDatabase(name, DatabaseRoles.REGISTRY));
    }

    /** The same on a server of the test's own (one it stops, or makes a standby of). */
    public static ServiceDatabase create(EmbeddedPostgresServer server, String name) {
        return migrate(server.createServiceDatabase(name, DatabaseRoles.REGISTRY));
    }

    private static ServiceDatabase migrate(ServiceDatabase database) {
        PostgresDatabase owner = database.owner();
        Flyway.configure().dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("service_role", database.service().user()))
                .load().migrate();
        return database;
    }
}
