package org.jcm.settlement.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * The second half of a service restart ({@link WebhookServiceRestartTest} is the first): the service,
 * started anew with its delivery worker, sends every delivery written before the restart exactly
 * once and in the order written, signed with the endpoint's secret, and then the delivery of an
 * event the ledger recorded after the restart, behind them. The ledger consumer read the topic
 * again from its first entry and wrote no second delivery of the events applied before.
 */
@QuarkusTest
@TestProfile(WebhookServiceRestartedTest.DeliveryOn.class)
class WebhookServiceRestartedTest {

    /** The service with its delivery worker (a profile of its own, so that Quarkus starts it anew). */
    public static class DeliveryOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The receiver binds its port only when the test runs, after the start: attempts before
            // it are refused and retried, however long the start takes.
            return Map.of("jcm.webhooks.delivery-enabled", "true", "jcm.webhooks.max-attempts", "100000");
        }
    }

    @Test
    void after_the_restart_every_delivery_written_before_it_is_sent_once_in_order_then_the_new_ones() throws Exception {
        String port = System.getProperty(WebhookServiceRestartTest.PORT);
        assertThat(port).as("WebhookServiceRestartTest ran before the restart").isNotNull();
        List<String> messageIds = new ArrayList<>(List.of(System.getProperty(WebhookServiceRestartTest.MESSAGES)
                .split(",")));
        String endpoint = System.getProperty(WebhookServiceRestartTest.ENDPOINT);
        try (TestReceiver receiver = new TestReceiver(Integer.parseInt(port))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/after-restart").size() >= 3);
            List<LedgerEvent> events = TestLedger.get().transfer(WebhooksTest.AT, C, B, 1, 2047, null);
            long seq = events.get(events.size() - 1).seq();
            assertThat(seq).as("the ledger continues after the entries before the restart")
                    .isGreaterThan(Long.parseLong(messageIds.get(2).split("-")[1]));
            messageIds.add("ledger-" + seq + "-in");
            Await.caughtUp();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/after-restart").size() >= 4);
            assertThat(receiver.received("/after-restart")).extracting(TestReceiver.Received::id)
                    .containsExactlyElementsOf(messageIds);
            String secret = System.getProperty(WebhookServiceRestartTest.SECRET);
            for (TestReceiver.Received request : receiver.delivered("/after-restart")) {
                assertThat(WebhooksTest.verifies(secret, request)).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> WebhooksTest.deliveries(WebhookServiceRestartTest.HOLDER_B,
                endpoint).getList("items.state", String.class).stream().allMatch("DELIVERED"::equals));
        assertThat(WebhooksTest.deliveries(WebhookServiceRestartTest.HOLDER_B, endpoint)
                .getList("items.messageId", String.class)).containsExactlyElementsOf(messageIds);
    }
}
