package org.jcm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A hot standby of an embedded PostgreSQL server, streaming from it: what the read replicas of a
 * deployment connect to ({@code jcm-pg-ro}), for tests that must meet a real standby
 * ({@code pg_is_in_recovery()} true, writes refused, advisory locks granted apart from the
 * primary's).
 *
 * <p>zonky's binaries have no {@code pg_basebackup}, so the base backup is taken by hand, as the
 * PostgreSQL manual's "Making a Base Backup Using the Low Level API" describes: {@code pg_backup_start}
 * on the primary, a copy of its data directory (without the postmaster's own files), then
 * {@code pg_backup_stop}, whose label file is written into the copy as {@code backup_label}. The copy
 * gets {@code standby.signal} and a {@code primary_conninfo} to the primary, and starts as a second
 * server from the same binaries on another port. The primary must allow replication connections
 * from localhost; this class adds the {@code pg_hba.conf} lines and reloads the primary if it lacks them.
 */
public final class EmbeddedStandby implements AutoCloseable {

    private static final String LABEL = "jcm-embedded-standby";
    /** The postmaster's own files, and what a base backup leaves out (PostgreSQL manual, "Backup Control Functions"). */
    private static final List<String> NOT_COPIED = List.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "standby.signal", "recovery.signal", "backup_label", "tablespace_map");
    private static final List<String> EMPTIED = List.of("pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_subtrans");

    private final EmbeddedPostgresServer server;
    private final EmbeddedPostgresServer primary;

    private EmbeddedStandby(EmbeddedPostgresServer server, EmbeddedPostgresServer primary) {
        this.server = server;
        this.primary = primary;
    }

    /** Takes a base backup of {@code primary} and starts it as a hot standby streaming from it. */
    public static EmbeddedStandby of(EmbeddedPostgresServer primary) {
        Path directory = Directories.temporary("jcm-postgres-standby-");
        try {
            allowReplication(primary);
            baseBackup(primary, directory.resolve("data"));
            configureStandby(primary, directory.resolve("data"));
            EmbeddedPostgresServer server = EmbeddedPostgresServer.builder().dataDirectory(directory.resolve("data"))
                    .durable(false).start();
            return new EmbeddedStandby(server, primary);
        } catch (SQLException e) {
            Directories.deleteRecursively(directory);
            throw new IllegalStateException("Could not make a standby of " + primary, e);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(directory);
            throw e;
        }
    }

    /** The standby server: its port, its data directory, coordinates of its databases. */
    public EmbeddedPostgresServer server() {
        return server;
    }

    /** Coordinates of a database on the standby (as replicated from the primary). */
    public PostgresDatabase coordinates(String name) {
        return server.coordinates(name);
    }

    /** Opens a connection to a database of the standby, as the superuser. */
    public Connection connect(String databaseName) throws SQLException {
        return server.connect(databaseName);
    }

    /** Whether the standby is still in recovery ({@code pg_is_in_recovery()}). */
    public boolean inRecovery() throws SQLException {
        try (Connection c = connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /**
     * Waits until the standby has replayed everything the primary had written when this was
     * called, so that a row committed on the primary before can be read on the standby. The target
     * is the primary's insert position, not its write position: with {@code synchronous_commit=off}
     * (an embedded server without a data directory) a commit may still sit in the WAL buffers, and
     * the WAL writer flushes and sends it within {@code wal_writer_delay}.
     */
    public void awaitReplay(Duration timeout) throws SQLException {
        String target;
        try (Connection c = primary.connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            row.next();
            target = row.getString(1);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE);
             PreparedStatement replayed = c.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            replayed.setString(1, target);
            while (!isTrue(replayed)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The standby did not replay the primary's WAL up to " + target
                            + " within " + timeout);
                }
                pause();
            }
        }
    }

    /**
     * Promotes the standby to a primary ({@code pg_promote()}, as a failover does) and returns once it
     * accepts writes; the old primary keeps running, apart from it.
     */
    public void promote() throws SQLException {
        try (Connection c = connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT pg_promote(true, 60)")) {
            row.next();
            if (!row.getBoolean(1)) {
                throw new IllegalStateException("The standby on port " + server.port() + " was not promoted within 60 s");
            }
        }
    }

    /** Stops the standby and deletes its data directory. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            Directories.deleteRecursively(server.dataDirectory().getParent());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStandby[" + server.jdbcUrl() + " of " + primary.jdbcUrl() + "]";
    }

    /** Adds trust for replication connections from localhost to the primary's pg_hba.conf, unless it has them. */
    private static void allowReplication(EmbeddedPostgresServer primary) throws SQLException {
        try (Connection c = primary.connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE); Statement s = c.createStatement()) {
            try (ResultSet level = s.executeQuery("SHOW wal_level")) {
                level.next();
                if ("minimal".equals(level.getString(1))) {
                    throw new IllegalStateException("The primary runs with wal_level=minimal, which cannot feed a standby");
                }
            }
            try (ResultSet rules = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)"
                    + " AND type = 'host' AND auth_method = 'trust' AND address IN ('127.0.0.1', '::1')")) {
                rules.next();
                if (rules.getInt(1) >= 2) {
                    return;
                }
            }
            Files.writeString(primary.dataDirectory().resolve("pg_hba.conf"), "\n# EmbeddedStandby: streaming replication from localhost\n"
                    + "host replication all 127.0.0.1/32 trust\nhost replication all ::1/128 trust\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            s.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the primary's data directory between pg_backup_start and pg_backup_stop, and writes backup_label. */
    private static void baseBackup(EmbeddedPostgresServer primary, Path target) throws SQLException {
        try (Connection c = primary.connect(EmbeddedPostgresServer.MAINTENANCE_DATABASE); Statement s = c.createStatement()) {
            // A fast checkpoint, so that the backup starts at once rather than at the next scheduled one.
            s.execute("SELECT pg_backup_start('" + LABEL + "', true)");
            copyDataDirectory(primary.dataDirectory(), target);
            try (ResultSet stop = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
                String tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the copy into a standby of {@code primary}: standby.signal and the connection to stream from. */
    private static void configureStandby(EmbeddedPostgresServer primary, Path data) {
        try {
            Files.writeString(data.resolve("standby.signal"), "", StandardCharsets.UTF_8);
            Files.writeString(data.resolve("postgresql.auto.conf"), "\n# EmbeddedStandby\nprimary_conninfo = 'host=localhost port="
                    + primary.port() + " user=" + EmbeddedPostgresServer.USER + " application_name=jcm_standby'\n"
                    + "hot_standby = on\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a live data directory: files that vanish while it runs (temporary files) are skipped,
     * and torn pages are what the WAL replay from the backup's start repairs.
     */
    private static void copyDataDirectory(Path source, Path target) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(from);
                if (skipped(relative)) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                } catch (java.nio.file.NoSuchFileException vanished) {
                    // A temporary file removed while the copy ran; a base backup does not need it.
                }
            }
        }
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static boolean skipped(Path relative) {
        if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
            return true;
        }
        if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())) {
            return true;
        }
        return relative.getFileName() != null && relative.getFileName().toString().equals("pg_internal.init");
    }

    private static boolean isTrue(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the standby", e);
        }
    }
}
