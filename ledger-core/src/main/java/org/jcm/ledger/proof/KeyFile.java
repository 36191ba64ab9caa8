package org.jcm.ledger.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A note signing key kept in a file (a mounted secret), as the registry's log key and the
 * witness's key are: read, checked to be of the expected algorithm and name, and, where allowed
 * (development, tests, local stacks), created first with a new key, readable by its owner only.
 * The file is written under a temporary name and moved into place, so that nobody reads half a key,
 * and a file made meanwhile by someone else is kept.
 */
public final class KeyFile {

    /** The signer, and whether the file was created by this call. */
    public record Loaded(NoteKeys.Signer signer, boolean created) {
    }

    private KeyFile() {
    }

    /**
     * Reads the signer key string in {@code file}.
     *
     * @param name      the key's required name
     * @param algorithm {@link NoteKeys#ED25519} or {@link NoteKeys#COSIGNATURE_V1}
     * @param generate  create the file with a new key if it does not exist
     * @throws IllegalStateException if the file is missing (and may not be created), unreadable, or
     *         holds a key of another algorithm or name; the message never repeats the key
     */
    public static Loaded load(Path file, String name, int algorithm, boolean generate) {
        try {
            boolean created = false;
            if (!Files.exists(file)) {
                if (!generate) {
                    throw new IllegalStateException("the key file " + file + " does not exist; mount it (only development,"
                            + " tests and local stacks generate one)");
                }
                created = create(file, name, algorithm);
            }
            NoteKeys.Signer signer = NoteKeys.signer(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (signer.algorithm() != algorithm || !signer.name().equals(name)) {
                throw new IllegalStateException("the key file " + file + " must hold a key of algorithm " + algorithm
                        + " named " + name + ", not " + signer);
            }
            return new Loaded(signer, created);
        } catch (IOException e) {
            throw new IllegalStateException("the key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean create(Path file, String name, int algorithm) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions apply.
            }
            Files.writeString(temporary, NoteKeys.generate(name, algorithm).signerKey() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
