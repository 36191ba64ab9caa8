package org.jcm.registry.write;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.jcm.ledger.state.LedgerConfig;

/**
 * Settings of the ledger's rules that are not data (prefix {@code jcm.ledger}). They go into the
 * {@link LedgerConfig} of the writer's state machine.
 */
@ConfigMapping(prefix = "jcm.ledger")
public interface LedgerRulesConfig {

    /**
     * The most units one issuance may create, 1 to 2^53 - 1; a larger issuance is refused with
     * {@code issuance_quantity_limit_exceeded}. The state machine reads it when it decides an
     * issuance, never when it folds or replays, so changing it leaves the ledger as it is.
     * See {@link LedgerConfig#DEFAULT_MAX_ISSUANCE_QUANTITY} for the default.
     */
    @WithDefault("100000000")
    long maxIssuanceQuantity();

    /** The ledger configuration the writer decides commands with. */
    default LedgerConfig ledgerConfig() {
        return LedgerConfig.DEFAULT.withMaxIssuanceQuantity(maxIssuanceQuantity());
    }
}
