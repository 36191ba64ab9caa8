package org.jcm.settlement.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The first half of a service restart: with the delivery worker switched off, the consumer writes
 * deliveries that wait in PostgreSQL with no attempt made. Then Quarkus stops the whole service
 * (consumer, worker, connection pools) because {@link WebhookServiceRestartedTest} asks for another
 * profile, and starts it anew in a fresh class loader: PostgreSQL and the ledger topic are all that
 * is left of this half. Quarkus orders test classes by name within their class loaders, so the
 * second half runs right after this one, after the tests without a profile.
 */
@QuarkusTest
@TestProfile(WebhookServiceRestartTest.DeliveryOff.class)
class WebhookServiceRestartTest {

    /** The service without its delivery worker. */
    public static class DeliveryOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jcm.webhooks.delivery-enabled", "false");
        }
    }

    /**
     * What the second half needs, as string system properties: the restart loads the test classes
     * anew, so static fields do not survive it. The receiver's port is reserved here and bound by
     * the second half, once the restarted service runs.
     */
    static final String PORT = "jcm.test.webhook-restart.port";
    static final String ENDPOINT = "jcm.test.webhook-restart.endpoint";
    static final String SECRET = "jcm.test.webhook-restart.secret";
    static final String MESSAGES = "jcm.test.webhook-restart.messages";

    static final String HOLDER_B = TestTokens.accountHolder("JPN01-O0002");

    @Test
    void deliveries_written_while_no_worker_runs_wait_in_the_database_with_no_attempt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        System.setProperty(PORT, Integer.toString(port));
        WebhooksTest.issueToTheSeller();
        JsonPath endpoint = WebhooksTest.register(HOLDER_B, "http://localhost:" + port + "/after-restart",
                List.of("transfer.incoming"));
        System.setProperty(ENDPOINT, endpoint.getString("id"));
        System.setProperty(SECRET, endpoint.getString("secret"));
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<LedgerEvent> events = TestLedger.get().transfer(WebhooksTest.AT, C, B, 1, 2047, null);
            messageIds.add("ledger-" + events.get(events.size() - 1).seq() + "-in");
        }
        System.setProperty(MESSAGES, String.join(",", messageIds));
        Await.caughtUp();
        JsonPath log = WebhooksTest.deliveries(HOLDER_B, endpoint.getString("id"));
        assertThat(log.getList("items.messageId", String.class)).containsExactlyElementsOf(messageIds);
        assertThat(log.getList("items.state", String.class)).containsOnly("PENDING");
        assertThat(log.getList("items.attempts")).allSatisfy(a -> assertThat((List<?>) a).isEmpty());
    }
}
