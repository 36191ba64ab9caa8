package org.jcm.registry.write;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the ledger writer stamps every command with ({@code CommandContext.at}, the ledger's
 * only clock), and by which it finds pending transfers and proposals due: the system's UTC clock.
 * A {@link DefaultBean}, so that tests of delays and time-outs can put a clock of their own in its
 * place.
 */
@Singleton
class LedgerClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock ledgerClock() {
        return Clock.systemUTC();
    }
}
