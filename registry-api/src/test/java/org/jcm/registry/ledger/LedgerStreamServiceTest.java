package org.jcm.registry.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jcm.ledger.canonical.Json;
import org.jcm.registry.outbox.OutboxService;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.jcm.registry.testing.TopicReader;
import org.jcm.testsupport.Management;
import org.junit.jupiter.api.Test;

/**
 * Tests the outbox inside the running service: committed events reach the topic as exactly the
 * entries the API serves, and the stream's health and lag are visible without making the service
 * unready.
 */
@QuarkusTest
@TestProfile(LedgerStreamProfile.class)
class LedgerStreamServiceTest {

    @Inject
    Ledger ledger;

    @Inject
    OutboxService outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void the_service_publishes_each_committed_event_once_in_order_as_the_api_serves_it() throws SQLException {
        long head;
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.world();
            head = fixture.transfers(200);
        }
        outbox.committed(head);
        try (TopicReader reader = new TopicReader(bootstrapServers, LedgerStreamProfile.TOPIC)) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> reader.poll(Duration.ofMillis(200)).contiguousThrough() >= head);
            assertThat(reader.problems()).isEmpty();
            for (long after = 0; after < head; after += 1000) {
                String page = given().auth().oauth2(LedgerEndpointsTest.AUDITOR)
                        .queryParam("after", after).queryParam("limit", 1000)
                        .when().get("/api/v1/ledger/events").then().statusCode(200).extract().asString();
                for (long seq = after + 1; seq <= Math.min(head, after + 1000); seq++) {
                    TopicReader.Received received = reader.bySeq().get(seq);
                    assertThat(received.key()).isEqualTo("jcm");
                    // Byte for byte the API's entry: the topic's value appears verbatim in the page.
                    assertThat(page).contains(received.value());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = (Map<String, Object>) Json.parse(received.value());
                    assertThat(entry.get("seq")).isEqualTo(seq);
                }
            }
        }
        Databases.awaitPublished(head);
    }

    @Test
    void the_stream_reports_its_lag_as_a_wellness_check_and_not_in_readiness() throws SQLException {
        long head;
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            head = fixture.world().transfers(10);
        }
        Databases.awaitPublished(head);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Management.given().when().get("/q/health/well").then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'Ledger stream (Kafka outbox)' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'Ledger stream (Kafka outbox)' }.data.state", equalTo("PUBLISHING"))
                        .body("checks.find { it.name == 'Ledger stream (Kafka outbox)' }.data.lagEvents", equalTo(0))
                        .body("checks.find { it.name == 'Ledger stream (Kafka outbox)' }.data.topic",
                                equalTo(LedgerStreamProfile.TOPIC)));
        Management.given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", not(hasItem("Ledger stream (Kafka outbox)")));
    }

    @Test
    void prometheus_shows_the_publisher_lag_in_events_and_milliseconds() {
        Management.given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jcm_outbox_lag_events"))
                .body(containsString("jcm_outbox_lag_millis"))
                .body(containsString("jcm_outbox_published_seq"));
    }
}
