package org.jcm.registry.write;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where the reference data comes from (prefix {@code jcm.reference}). */
@ConfigMapping(prefix = "jcm.reference")
public interface ReferenceConfig {

    /**
     * A CSV file of Parties ({@code iso2,iso3,name,jcm_status,paris_agreement_party}) to use instead
     * of the built-in {@code reference/parties.csv}. Adding a partner is adding a line here.
     */
    Optional<Path> partiesFile();

    /**
     * A CSV file ({@code iso3,cooperative_approach_id}) to use instead of the built-in
     * {@code reference/cooperative-approaches.csv}.
     */
    Optional<Path> cooperativeApproachesFile();
}
