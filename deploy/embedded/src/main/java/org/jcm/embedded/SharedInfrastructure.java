package org.jcm.embedded;

/**
 * One embedded PostgreSQL server and one embedded Kafka broker per JVM, started on first use and
 * stopped by their shutdown hooks, so that a test run pays for each start once rather than once
 * per test class.
 *
 * <p>Both use a free port and temporary directories. Tests that stop or restart a broker must
 * start their own with {@link EmbeddedKafkaBroker#builder()}: the shared one serves every test of
 * the JVM.
 */
public final class SharedInfrastructure {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    private SharedInfrastructure() {
    }

    /** The JVM's PostgreSQL server, started on first call. */
    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null || postgres.isClosed()) {
            postgres = EmbeddedPostgresServer.builder().start();
        }
        return postgres;
    }

    /** The JVM's Kafka broker, started on first call. */
    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null || kafka.isClosed()) {
            kafka = EmbeddedKafkaBroker.builder().start();
        }
        return kafka;
    }

    /** Creates a database on the shared server unless it exists, and returns its coordinates. */
    public static PostgresDatabase database(String name) {
        return postgres().createDatabase(name);
    }

    /**
     * Creates a service's database on the shared server, owned by the roles' owner, and both
     * roles, unless they exist; returns its coordinates for the owner and for the service role.
     */
    public static ServiceDatabase serviceDatabase(String name, DatabaseRoles roles) {
        return postgres().createServiceDatabase(name, roles);
    }
}
