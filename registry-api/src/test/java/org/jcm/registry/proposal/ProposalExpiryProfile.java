package org.jcm.registry.proposal;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;

/**
 * The service on a database of its own ({@code proposal_expiry}) whose proposals expire two seconds
 * after they are made ({@code jcm.ledger.proposal-timeout=PT2S}), so that a test sees one expire.
 */
public class ProposalExpiryProfile implements QuarkusTestProfile {

    /** The database name. */
    public static final String DATABASE = "proposal_expiry";

    @Override
    public Map<String, String> getConfigOverrides() {
        PostgresDatabase database = SharedInfrastructure.database(DATABASE);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        // Every Quarkus start in the test JVM shares one broker; two ledgers must not mix on one topic.
        config.put("jcm.outbox.topic", "proposal-expiry-test.events");
        config.put("jcm.ledger.proposal-timeout", "PT2S");
        return config;
    }
}
