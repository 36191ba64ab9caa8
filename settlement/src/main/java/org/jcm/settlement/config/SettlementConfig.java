package org.jcm.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settlement service's own settings, under the prefix {@code settlement}. */
@ConfigMapping(prefix = "settlement")
public interface SettlementConfig {

    /** The ledger to follow: records whose key is another ledger id are ignored. */
    @WithDefault("jcm")
    String ledgerId();

    /** The consumer's settings. */
    Consumer consumer();

    /** Delivery versus payment settings. */
    Dvp dvp();

    /** Feed settings. */
    Feeds feeds();

    /** Trade registration settings. */
    Trades trades();

    /** Settings of the ledger consumer. */
    interface Consumer {

        /** The topic the registry publishes ledger entries to. */
        @WithDefault("jcm.ledger.events")
        String topic();

        /** The topic partition that carries this ledger. */
        @WithDefault("0")
        int partition();

        /** Whether the consumer runs at all (off for tools that only read the database). */
        @WithDefault("true")
        boolean enabled();

        /** How long one poll waits for records when the topic has none. */
        @WithDefault("PT0.05S")
        Duration pollTimeout();

        /** The most records one poll returns, and so the most events in one database transaction. */
        @WithDefault("10000")
        int maxPollRecords();

        /** Whether each entry's hash chain link is checked before it is applied. */
        @WithDefault("true")
        boolean verifyChain();

        /** Whether the start-up wipes the derived data and applies the ledger again from sequence 1. */
        @WithDefault("false")
        boolean rebuildOnStart();

        /** How long the consumer waits before it starts over after a failure (for example PostgreSQL down). */
        @WithDefault("PT2S")
        Duration retryBackoff();
    }

    /** Settings of delivery versus payment. */
    interface Dvp {

        /** How often pending trades past their deadline are marked FAILED. */
        @WithDefault("PT1S")
        Duration sweepInterval();
    }

    /** Settings of trade registrations ({@code POST /api/v1/trades}). */
    interface Trades {

        /**
         * How far ahead of the service's clock a registered trade's {@code deliverBy} may lie; a
         * deadline in the past or further ahead is refused (422 {@code deliver_by_out_of_range}).
         */
        @WithDefault("P90D")
        Duration maxDeliveryWindow();
    }

    /** Settings of the feeds. */
    interface Feeds {

        /** Decimal places of VWAP, rounded half-even. */
        @WithDefault("4")
        int vwapScale();

        /** How many server-sent events may wait for one slow client before it is disconnected. */
        @WithDefault("10000")
        int streamBuffer();
    }
}
