package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one folder that holds everything the local stack keeps between runs: PostgreSQL data, Kafka
 * logs, the JWT key pair, the cursor key, the tokens file, the service logs and the record of the demo data.
 *
 * <p>A marker file tells a folder the stack created from anything else, so that {@code --fresh}
 * never wipes a folder that someone pointed {@code --data} at by mistake.
 */
public final class DataFolder {

    /** The file whose presence says "this folder belongs to the local stack". */
    static final String MARKER = ".jcm-local-stack";

    /** What the stack (or EmbeddedMain, which shares the layout) puts in the folder. */
    private static final Set<String> OURS = Set.of(MARKER, "stack.lock", "postgres", "kafka", "jwt", "cursor-key", "logs",
            "services", "tokens.env", "demo-data.properties", "webhooks.properties");

    private final Path root;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve("stack.lock");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path jwt() {
        return root.resolve("jwt");
    }

    /** The key that seals the services' list cursors ({@link CursorKeyFile}). */
    public Path cursorKey() {
        return root.resolve("cursor-key");
    }

    /** The transparency log's keys: the log key and the witness key ({@link TransparencyKeys}). */
    public Path keys() {
        return root.resolve("keys");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The working directory of a service: a {@code config/application.properties} there overrides its settings. */
    public Path serviceDirectory(String service) {
        return root.resolve("services").resolve(service);
    }

    Path tokensFile() {
        return root.resolve("tokens.env");
    }

    Path demoDataFile() {
        return root.resolve("demo-data.properties");
    }

    /** The demo's webhook endpoints and their signing secrets ({@link WebhookReceiver}). */
    Path webhooksFile() {
        return root.resolve("webhooks.properties");
    }

    /**
     * Creates the folder, or adopts an existing one that is empty or holds only what the stack
     * itself writes; refuses anything else.
     */
    public void prepare() {
        try {
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER))) {
                List<String> foreign = foreignEntries();
                if (!foreign.isEmpty()) {
                    throw new StackException(StackException.BAD_DATA_FOLDER, "The data folder " + root
                            + " holds files the local stack did not create (" + String.join(", ", foreign)
                            + "); choose another folder with --data or JCM_LOCAL_DATA");
                }
                Files.writeString(root.resolve(MARKER),
                        "This folder holds the data of the JCM local stack (deploy/local-stack/run).\n");
            }
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new StackException(StackException.BAD_DATA_FOLDER, "Cannot use the data folder " + root + ": " + e, e);
        }
    }

    /**
     * Deletes everything in the folder except the lock file (held by this launcher) and the marker.
     *
     * @return whether there was anything to delete
     */
    public boolean wipe() {
        try (Stream<Path> entries = Files.list(root)) {
            boolean deleted = false;
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(MARKER) && !name.equals("stack.lock")) {
                    deleted |= !isEmptyDirectory(entry);
                    deleteRecursively(entry);
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe " + root, e);
        }
    }

    /** Whether the folder was never used by a stack that got as far as starting PostgreSQL. */
    boolean isNew() {
        return !Files.isDirectory(postgres());
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private List<String> foreignEntries() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !OURS.contains(name))
                    .sorted()
                    .limit(5)
                    .toList();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
