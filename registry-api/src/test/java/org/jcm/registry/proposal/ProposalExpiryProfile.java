package org.jcm.registry.proposal;

import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.testing.InfrastructureResource;
import org.jcm.registry.testing.MovableClockProfile;

/**
 * The service with a ledger clock the test moves ({@link org.jcm.registry.testing.MovableClock}),
 * on a database of its own ({@code proposal_expiry}, since its events lie days ahead of the real
 * time), whose writer looks for due actions only when it becomes active (the interval is an hour):
 * between a proposal's expiry and the writer's next activation the test sees a proposal that is due
 * but not yet expired by an event.
 */
public class ProposalExpiryProfile extends MovableClockProfile {

    /** The database name. */
    public static final String DATABASE = "proposal_expiry";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(InfrastructureResource.datasource(DATABASE));
        // Every Quarkus start in the test JVM shares one broker; two ledgers must not mix on one topic.
        config.put("jcm.outbox.topic", "proposal-expiry-test.events");
        config.put("jcm.checkpoint.topic", "proposal-expiry-test.checkpoints");
        config.put("jcm.writer.due-check-interval", "PT1H");
        return config;
    }
}
