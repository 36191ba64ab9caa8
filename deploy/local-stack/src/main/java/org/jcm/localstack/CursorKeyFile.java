package org.jcm.localstack;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.security.SecureRandom;

/**
 * The key that seals the services' list cursors ({@code jcm.paging.cursor-key}), kept in the data
 * folder so that cursors survive a restart of the stack: generated on first start, 32 random bytes
 * in base64, readable by its owner only. Both services of a stack get the same key (their cursors
 * name their own lists, so one service's cursor does not open at the other).
 */
public final class CursorKeyFile {

    /** The environment variable the services read the key from. */
    public static final String VARIABLE = "JCM_PAGING_CURSOR_KEY";

    private CursorKeyFile() {
    }

    /** The environment that gives a service the key in {@code file}, generating the key first if there is none. */
    public static Map<String, String> environment(Path file) {
        return Map.of(VARIABLE, loadOrCreate(file));
    }

    /** The key in {@code file}, generated first if the file does not exist. */
    static String loadOrCreate(Path file) {
        return SecretFile.readOrCreate(file, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }
}
