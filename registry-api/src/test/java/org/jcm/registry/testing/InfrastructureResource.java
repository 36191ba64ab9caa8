package org.jcm.registry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.Map;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;

/**
 * Points every {@code @QuarkusTest} of this module at the JVM's shared embedded PostgreSQL
 * (database {@code registry}) and Kafka broker. The servers outlive each Quarkus start and are
 * stopped by their shutdown hooks when the test JVM exits.
 */
@WithTestResource(value = InfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** The registry's database on the shared server. */
    public static final String DATABASE = "registry";

    @Override
    public Map<String, String> start() {
        PostgresDatabase database = SharedInfrastructure.database(DATABASE);
        EmbeddedKafkaBroker kafka = SharedInfrastructure.kafka();
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across Quarkus starts in this JVM; SharedInfrastructure's shutdown hooks stop them.
    }
}
