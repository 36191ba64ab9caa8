package org.jcm.bench.inproc;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.registry.write.LedgerWriter;

/**
 * Creates registry-api's schema in a database by running its Flyway migrations. This module's class
 * path also holds settlement's jar, whose migrations share the location {@code db/migration} and
 * the version numbers, so Flyway scans through a class loader that shows registry-api's
 * migrations alone.
 */
final class RegistrySchema {

    private static final String LOCATION = "db/migration";

    private RegistrySchema() {
    }

    static void migrate(PostgresDatabase database) {
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
        Flyway.configure(registryMigrationsOnly).dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:" + LOCATION).load().migrate();
    }
}
