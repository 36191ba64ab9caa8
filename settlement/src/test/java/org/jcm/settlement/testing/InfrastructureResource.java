package org.jcm.settlement.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every {@code @QuarkusTest} of this module at the JVM's shared embedded PostgreSQL
 * (its own database {@code settlement}) and Kafka broker, and creates the ledger topic with one
 * partition before the service starts, as the registry's deployment does, and the checkpoint and
 * cosignature topics; pins the test log key ({@link TestLog}) as the witness's log key.
 * The service connects as {@code jcm_settlement} and Flyway migrates as {@code jcm_settlement_owner}
 * (docs/security.md, "Database roles").
 */
@WithTestResource(value = InfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** The settlement service's database on the shared server. */
    public static final String DATABASE = "settlement";
    /** settlement.trades.max-delivery-window in tests: 100 years of 365 days. */
    public static final String TEST_DELIVERY_WINDOW = "P36500D";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestInfrastructure.database(DATABASE));
        TestLedger.createTopic();
        TestLog.createTopics();
        config.put("jcm.witness.log-key", TestLog.verifierKey());
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("settlement.dvp.sweep-interval", "PT0.2S");
        // Tests register trades due far ahead ("2099-12-31") and on days in 2025 with the
        // clock fixed; TradeValidationTest checks the window's edges at this value.
        config.put("settlement.trades.max-delivery-window", TEST_DELIVERY_WINDOW);
        return config;
    }

    @Override
    public void stop() {
        // Shared across Quarkus starts in this JVM (TestInfrastructure); SharedInfrastructure's
        // shutdown hooks stop them.
    }
}
