package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret a stack keeps in its data folder (a cursor key, the transparency log's keys): made once,
 * on the first start, readable by its owner only, and written atomically so that a stack stopped
 * half-way never leaves a truncated key behind.
 */
final class SecretFile {

    private SecretFile() {
    }

    /** The file's text (trimmed), written first from {@code content} if the file does not exist. */
    static String readOrCreate(Path file, Supplier<String> content) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, content.get() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system; the data folder's own permissions apply.
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secret " + file, e);
        }
    }
}
