package org.jcm.settlement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestTrades;
import org.jcm.testsupport.Metrics;
import org.jcm.testsupport.MetricsDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registers trades of venue METX and delivers them through the ledger topic so that two settle, one
 * mismatches and two fail (one delivered late, one swept at its deadline), and one stays pending;
 * reads the exact increments of {@code jcm_trades_decided_total} on the management port. Owns
 * vintage 2043, venue METX and the day 2025-12-02.
 */
@QuarkusTest
class TradeDecisionMetricsTest {

    private static final String VENUE = "METX";
    private static final String INSTRUMENT = "JCM-MNG-2043-NONE";
    private static final List<String> OUTCOMES = List.of("settled", "mismatched", "failed");

    @Inject
    LedgerConsumer consumer;

    @AfterEach
    void resetTheClock() throws Exception {
        TestClock.reset();
        consumer.sweepNow();
    }

    @Test
    void every_committed_decision_counts_once_by_venue_and_outcome() throws Exception {
        TestClock.set(at("09:00:00"));
        TestLedger.get().issue(at("08:00:00"), 2043, C, 1000);
        Await.caughtUp();
        Map<String, Double> before = read();

        register("M-1", A, 100, "12:00:00");
        deliver("10:00:00", A, 100, "M-1");
        register("M-2", A, 50, "12:00:00");
        deliver("10:01:00", A, 40, "M-2");
        register("M-3", B, 5, "10:30:00");
        deliver("11:30:00", B, 5, "M-3");
        deliver("11:31:00", B, 25, "M-4");
        register("M-4", B, 25, "18:00:00").body("status", equalTo("SETTLED"));
        register("M-5", A, 10, "12:00:00");
        register("M-6", A, 10, "18:00:00");
        TestClock.set(at("12:00:01"));
        consumer.sweepNow();

        Map<String, Double> expected = new LinkedHashMap<>(before);
        expected.merge("settled", 2.0, Double::sum);
        expected.merge("mismatched", 1.0, Double::sum);
        expected.merge("failed", 2.0, Double::sum);
        // The periodic sweep may fail M-5 before sweepNow does; either counts it once, after its commit.
        await().atMost(Duration.ofSeconds(30)).until(() -> read().equals(expected));
        assertThat(read()).isEqualTo(expected);
    }

    @Test
    void every_jcm_metric_served_is_listed_in_the_operations_guide() throws Exception {
        assertThat(MetricsDocs.unlisted(Path.of("../docs/operations.md")))
                .as("jcm_* series on /q/metrics missing from docs/operations.md, \"What to watch\"").isEmpty();
    }

    private static Instant at(String time) {
        return Instant.parse("2025-12-02T" + time + "Z");
    }

    private static io.restassured.response.ValidatableResponse register(String tradeId, AccountId buyer, long quantity,
                                                                          String deliverBy) {
        return TestTrades.register(TestTrades.trade(VENUE, tradeId, C, buyer, INSTRUMENT, quantity, "1500.00", "JPY",
                at(deliverBy))).statusCode(201);
    }

    private static void deliver(String time, AccountId buyer, long quantity, String tradeId) {
        LedgerEvent event = TestLedger.get().transfer(at(time), C, buyer, quantity, 2043,
                TestLedger.trade(VENUE, tradeId, "1500.00", "JPY")).get(0);
        Await.applied(event.seq());
    }

    /** {@code jcm_trades_decided_total} of venue METX by outcome, 0 for a series not exported yet. */
    private static Map<String, Double> read() {
        String text = Metrics.scrape();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String outcome : OUTCOMES) {
            values.put(outcome, Metrics.sum(text, "jcm_trades_decided_total", Map.of("venue", VENUE, "outcome", outcome)));
        }
        return values;
    }
}
