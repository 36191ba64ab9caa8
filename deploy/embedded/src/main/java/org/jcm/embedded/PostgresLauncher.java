package org.jcm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Starts an embedded PostgreSQL server: clears what a killed run left in a persistent data
 * directory, seeds a new directory from the initdb template, starts the postmaster through
 * zonky, checks that the server answering is ours, and retries on another free port if not.
 */
final class PostgresLauncher {

    private static final int START_ATTEMPTS = 3;
    private static final String TEMPORARY_PREFIX = "jcm-postgres-";

    /**
     * What to start.
     *
     * @param port the TCP port, 0 for a free one
     * @param dataDirectory the persistent data directory, or null for a temporary one
     * @param database the default database to create, or null for {@code postgres}
     * @param durable whether to flush commits to disk, or null to decide by persistence
     * @param startupTimeout how long to wait for the server to accept connections
     */
    record Options(int port, Path dataDirectory, String database, Boolean durable, Duration startupTimeout) {
    }

    private PostgresLauncher() {
    }

    static EmbeddedPostgresServer launch(Options options) {
        checkRootCanRunPostgres();
        boolean persistent = options.dataDirectory() != null;
        if (!persistent) {
            StaleTemporaryDirectories.sweep(TEMPORARY_PREFIX, "epg-lock",
                    directory -> new PostmasterPidFile(directory).clearLeftovers());
        }
        Path directory = persistent ? prepareDataDirectory(options.dataDirectory()) : null;
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = options.port() == 0 ? FreePorts.pick() : options.port();
            Path attemptDirectory = persistent ? directory : Directories.temporary(TEMPORARY_PREFIX);
            try {
                return startOnce(options, port, attemptDirectory, persistent);
            } catch (RuntimeException e) {
                lastFailure = e;
                if (!persistent) {
                    Directories.deleteRecursively(attemptDirectory);
                }
                if (options.port() != 0) {
                    break;
                }
            }
        }
        throw lastFailure;
    }

    private static EmbeddedPostgresServer startOnce(Options options, int port, Path directory, boolean persistent) {
        boolean durable = options.durable() != null ? options.durable() : persistent;
        if (PostgresTemplate.isEmpty(directory)) {
            PostgresTemplate.seed(directory);
        }
        EmbeddedPostgres postgres;
        try {
            // The directory is deleted by close(), not by zonky, which would run initdb on every start.
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(options.startupTimeout())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            // A postmaster that came up after the wait expired must not outlive the failure.
            new PostmasterPidFile(directory).livePostmaster().ifPresent(PostmasterPidFile::stop);
            throw new IllegalStateException("PostgreSQL did not start on port " + port, e);
        }
        String database = options.database() == null ? EmbeddedPostgresServer.MAINTENANCE_DATABASE : options.database();
        try {
            if (!PostgresAdmin.servesDirectory(port, directory)) {
                // Another server already listened on the port and answered zonky's readiness probe.
                throw new IllegalStateException("Port " + port + " is taken by another PostgreSQL server");
            }
            PostgresAdmin.createDatabase(port, database);
        } catch (RuntimeException e) {
            stopQuietly(postgres, directory);
            throw e;
        }
        return new EmbeddedPostgresServer(postgres, directory, persistent, database);
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
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("Data directory " + directory + " is used by another process");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
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
