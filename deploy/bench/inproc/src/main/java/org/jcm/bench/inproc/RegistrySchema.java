package org.jcm.bench.inproc;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.embedded.SharedInfrastructure;
import org.jcm.registry.write.LedgerWriter;

/**
 * Creates registry-api's schema in a database by running its Flyway migrations. This module's class
 * path also holds settlement's jar, whose migrations share the location {@code db/migration} and
 * the version numbers, so Flyway scans through a class loader that shows registry-api's
 * migrations alone. As in a deployment, the owner migrates and the benchmarks' writer connects as
 * the service role.
 */
final class RegistrySchema {

    private static final String LOCATION = "db/migration";

    private RegistrySchema() {
    }

    /** Creates the database with registry-api's roles unless it exists, migrates it as the owner, and returns it. */
    static ServiceDatabase create(String name) {
        ServiceDatabase database = SharedInfrastructure.serviceDatabase(name, DatabaseRoles.REGISTRY);
        migrate(database);
        return database;
    }

    private static void migrate(ServiceDatabase database) {
        PostgresDatabase owner = database.owner();
        String registryJar = LedgerWriter.class.getProtectionDomain().getCodeSource().getLocation().toString();
        ClassLoader registryMigrationsOnly = new ClassLoader(RegistrySchema.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> found = Collections.list(super.getResources(name));
                if (name.startsWith(LOCATION)) {
                    found.removeIf(url -> !url.toString().contains(registryJar));
                }
                return Collections.enumeration(found);
            }
        };
        Flyway.configure(registryMigrationsOnly).dataSource(owner.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:" + LOCATION).placeholders(Map.of("service_role", database.service().user()))
                .load().migrate();
    }
}
