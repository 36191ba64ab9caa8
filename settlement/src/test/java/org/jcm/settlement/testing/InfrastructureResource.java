package org.jcm.settlement.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;

/**
 * Points every {@code @QuarkusTest} of this module at the JVM's shared embedded PostgreSQL
 * (its own database {@code settlement}) and Kafka broker, and creates the ledger topic with one
 * partition before the service starts, as the registry's deployment does, and the checkpoint and
 * cosignature topics; pins the test log key ({@link TestLog}) as the witness's log key.
 */
@WithTestResource(value = InfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** The settlement service's database on the shared server. */
    public static final String DATABASE = "settlement";
    /** settlement.trades.max-delivery-window in tests: 100 years of 365 days. */
    public static final String TEST_DELIVERY_WINDOW = "P36500D";

    @Override
    public Map<String, String> start() {
        PostgresDatabase database = SharedInfrastructure.database(DATABASE);
        EmbeddedKafkaBroker kafka = SharedInfrastructure.kafka();
        TestLedger.createTopic();
        TestLog.createTopics();
        return Map.of(
                "jcm.witness.log-key", TestLog.verifierKey(),
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "settlement.dvp.sweep-interval", "PT0.2S",
                // Tests register trades due far ahead ("2099-12-31") and on days in 2025 with the
                // clock fixed; TradeValidationTest checks the window's edges at this value.
                "settlement.trades.max-delivery-window", TEST_DELIVERY_WINDOW);
    }

    @Override
    public void stop() {
        // Shared across Quarkus starts in this JVM; SharedInfrastructure's shutdown hooks stop them.
    }
}
