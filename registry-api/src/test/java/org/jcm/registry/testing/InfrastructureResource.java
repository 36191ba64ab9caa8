package org.jcm.registry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.HashMap;
import java.util.Map;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.SharedInfrastructure;

/**
 * Points every {@code @QuarkusTest} of this module at the JVM's shared embedded PostgreSQL
 * (database {@code registry}) and Kafka broker. The service connects as the service role and
 * Flyway migrates as the owner (docs/security.md, "Database roles"). The servers outlive each
 * Quarkus start and are stopped by their shutdown hooks when the test JVM exits.
 */
@WithTestResource(value = InfrastructureResource.class, scope = TestResourceScope.GLOBAL)
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    /** The registry's database on the shared server. */
    public static final String DATABASE = "registry";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(datasource(DATABASE));
        EmbeddedKafkaBroker kafka = SharedInfrastructure.kafka();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    /**
     * The datasource and Flyway settings of a database on the shared server, created with
     * registry-api's roles if missing: the service as {@code jcm_service}, Flyway as {@code jcm_owner}.
     */
    public static Map<String, String> datasource(String name) {
        return SharedInfrastructure.serviceDatabase(name, DatabaseRoles.REGISTRY).quarkusProperties();
    }

    @Override
    public void stop() {
        // Shared across Quarkus starts in this JVM; SharedInfrastructure's shutdown hooks stop them.
    }
}
