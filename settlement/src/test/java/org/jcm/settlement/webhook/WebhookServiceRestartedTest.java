package org.jcm.settlement.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import org.jcm.settlement.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * The second half of a service restart ({@link WebhookServiceRestartTest} is the first): the service
 * started again with its delivery worker sends every delivery written before the restart, in the
 * order written, signed with the endpoint's secret, and the log shows them delivered.
 */
@QuarkusTest
@TestProfile(WebhookServiceRestartedTest.DeliveryOn.class)
class WebhookServiceRestartedTest {

    /** The service with its delivery worker (a profile of its own, so that Quarkus starts it anew). */
    public static class DeliveryOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The receiver binds its port only when the test runs, after the start: attempts before
            // it fail and are retried, however long the start takes.
            return Map.of("jcm.webhooks.delivery-enabled", "true", "jcm.webhooks.max-attempts", "100000");
        }
    }

    @Test
    void after_the_restart_every_delivery_written_before_it_is_sent_in_order() throws Exception {
        String port = System.getProperty(WebhookServiceRestartTest.PORT);
        assertThat(port).as("WebhookServiceRestartTest ran before the restart").isNotNull();
        List<String> messageIds = List.of(System.getProperty(WebhookServiceRestartTest.MESSAGES).split(","));
        try (TestReceiver receiver = new TestReceiver(Integer.parseInt(port))) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    receiver.delivered("/after-restart").size() == messageIds.size());
            assertThat(receiver.delivered("/after-restart")).extracting(TestReceiver.Received::id)
                    .containsExactlyElementsOf(messageIds);
            String secret = System.getProperty(WebhookServiceRestartTest.SECRET);
            for (TestReceiver.Received request : receiver.delivered("/after-restart")) {
                assertThat(WebhooksTest.verifies(secret, request)).isTrue();
            }
        }
        String endpoint = System.getProperty(WebhookServiceRestartTest.ENDPOINT);
        await().atMost(Duration.ofSeconds(30)).until(() -> WebhooksTest.deliveries(WebhookServiceRestartTest.HOLDER_B,
                endpoint).getList("items.state", String.class).stream().allMatch("DELIVERED"::equals));
    }
}
