package org.jcm.registry.explorer;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the public explorer page at {@code /explorer/} is told about its surroundings (prefix {@code jcm.explorer}). */
@ConfigMapping(prefix = "jcm.explorer")
public interface ExplorerConfig {

    /**
     * The base URL of the settlement service as a browser reaches it ({@code http://localhost:8081}),
     * whose public feeds give the price charts. Settlement must allow this registry's origin (its
     * {@code quarkus.http.cors.origins}). Absent: the page shows no price charts and says why.
     */
    Optional<String> settlementUrl();

    /**
     * Where the page links for the verifier's source, e.g. the repository's {@code docs/verify-ledger.py}.
     * Absent: the copy of the script this service serves at {@code /explorer/verifier/verify-ledger.py}.
     */
    Optional<String> verifierUrl();
}
