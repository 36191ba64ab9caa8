package org.jcm.registry.paging;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jcm.support.paging.CursorSeal;

/**
 * Installs the key that seals list cursors ({@link Cursor}): {@code jcm.paging.cursor-key}
 * ({@code JCM_PAGING_CURSOR_KEY}), at least 32 random bytes in base64, the same for every instance
 * of the registry (the writer and its read replicas), so that a cursor from one is taken by
 * another and survives a restart. A production start without it fails, saying so; in dev and test
 * mode a random key is made for the process.
 */
@Startup
@ApplicationScoped
public class CursorKey {

    /** The property. */
    public static final String PROPERTY = CursorSeal.PROPERTY;

    private static final Logger LOG = Logger.getLogger(CursorKey.class);

    CursorKey(PagingConfig config) {
        Cursor.install(seal(config.cursorKey(), LaunchMode.current()));
    }

    /** The seal for a configured key, or a random one where a missing key is allowed. */
    static CursorSeal seal(Optional<String> key, LaunchMode mode) {
        if (key.isEmpty() || key.get().isBlank()) {
            LOG.infof("No %s: list cursors are sealed with a random key made for this process", PROPERTY);
        }
        return CursorSeal.configured(key, mode.isDevOrTest());
    }
}
