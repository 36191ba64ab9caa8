package org.jcm.registry.route;

import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.jcm.registry.testing.MovableClockProfile;

/**
 * The service with a movable ledger clock on a database of its own ({@code route_reads}), so that
 * the review-time statistics see only this test's reviews and the clock starts at the real time.
 */
public class RouteClockProfile extends MovableClockProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("route_reads"));
        config.put("jcm.outbox.topic", "route-reads-test.events");
        config.put("jcm.checkpoint.topic", "route-reads-test.checkpoints");
        return config;
    }
}
