package org.jcm.registry.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.testing.InfrastructureResource;

/**
 * The service with tracing on, its spans kept in memory ({@link SpanCapture}) rather than sent
 * over OTLP, on a database and topic of its own (the tests read back the trace context of the
 * events they cause).
 */
public class TracingProfile implements QuarkusTestProfile {

    /** The topic this profile publishes to. */
    public static final String TOPIC = "tracing-test.events";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(InfrastructureResource.datasource("tracing"));
        config.put("jcm.outbox.topic", TOPIC);
        config.put("jcm.checkpoint.topic", "tracing-test.checkpoints");
        config.put("quarkus.otel.sdk.disabled", "false");
        config.put("quarkus.otel.exporter.otlp.enabled", "false");
        // Finished spans reach the exporter within this, instead of 5 s.
        config.put("quarkus.otel.bsp.schedule.delay", "PT0.05S");
        return config;
    }
}
