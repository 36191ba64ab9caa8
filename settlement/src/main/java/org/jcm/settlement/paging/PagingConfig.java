package org.jcm.settlement.paging;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The paging settings (prefix {@code jcm.paging}); see docs/operations.md. */
@ConfigMapping(prefix = "jcm.paging")
public interface PagingConfig {

    /**
     * The key that seals list cursors: at least 32 random bytes in base64, the same for every
     * instance of the service ({@code JCM_PAGING_CURSOR_KEY}, from a Secret). Required in
     * production; dev and test mode make one up per process.
     */
    Optional<String> cursorKey();
}
