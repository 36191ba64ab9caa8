package org.jcm.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A data directory initialised once per machine and copied into each new server's directory,
 * because initdb takes about four seconds and a copy a fraction of one.
 */
final class PostgresTemplate {

    /** Bump when the way the template is made changes, so stale templates are not reused. */
    private static final String FORMAT = "1";
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Object LOCK = new Object();

    private PostgresTemplate() {
    }

    /** Fills an empty directory with an initialised, cleanly shut down data directory. */
    static void seed(Path emptyDirectory) {
        Path template = ensureTemplate();
        copyTree(template, emptyDirectory);
    }

    /** Tells whether a directory is missing or holds nothing. */
    static boolean isEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path ensureTemplate() {
        synchronized (LOCK) {
            Path template = templateDirectory();
            if (Files.exists(template.resolve("PG_VERSION"))) {
                return template;
            }
            Path staging = createStaging(template.getParent());
            try {
                // Starting and stopping once runs initdb and leaves a cleanly shut down cluster.
                EmbeddedPostgres.builder()
                        .setDataDirectory(staging.toFile())
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setLocaleConfig("locale", "C")
                        .setServerConfig("unix_socket_directories", "''")
                        .setServerConfig("listen_addresses", "localhost")
                        .start()
                        .close();
                Files.deleteIfExists(staging.resolve("epg-lock"));
                publish(staging, template);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not build the PostgreSQL template " + template, e);
            } finally {
                Directories.deleteRecursively(staging);
            }
            return template;
        }
    }

    /** Moves the finished template into place atomically; another JVM that won the race keeps its copy. */
    private static void publish(Path staging, Path template) throws IOException {
        try {
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(template.resolve("PG_VERSION"))) {
                throw e;
            }
        } catch (IOException e) {
            // A non-empty target directory makes rename fail with DirectoryNotEmptyException.
            if (!Files.exists(template.resolve("PG_VERSION"))) {
                throw e;
            }
        }
    }

    private static Path createStaging(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "staging-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template's place, keyed by the PostgreSQL binaries on the class path so that a change
     * of version never starts a server on a data directory of another version.
     */
    private static Path templateDirectory() {
        String workingDirectory = System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString());
        return Path.of(workingDirectory, "jcm-template-" + binariesKey());
    }

    private static String binariesKey() {
        URL binaries = EmbeddedPostgres.class.getResource("/postgres-linux-x86_64.txz");
        String identity = (binaries == null ? "unknown" : binaries.toString()) + "|" + FORMAT;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            Files.createDirectories(target);
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (NOT_COPIED.contains(path.getFileName().toString())) {
                    continue;
                }
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                    Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(path));
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the PostgreSQL template into " + target, e);
        }
    }
}
