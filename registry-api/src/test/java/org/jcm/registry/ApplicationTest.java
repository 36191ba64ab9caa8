package org.jcm.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jcm.testsupport.Management;
import org.junit.jupiter.api.Test;

/** Tests that the service boots against real PostgreSQL and Kafka and exposes health, metrics and OpenAPI. */
@QuarkusTest
class ApplicationTest {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void readiness_is_up_and_checks_postgresql() {
        Management.given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void liveness_is_up() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_are_served() {
        Management.given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void health_and_metrics_are_on_the_management_port_only_and_the_openapi_document_and_swagger_ui_on_the_api_port() {
        assertThat(Management.port()).isPositive().isNotEqualTo(io.restassured.RestAssured.port);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        Management.given().accept("application/json").when().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void the_openapi_document_is_served() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("JCM registry API"));
    }

    @Test
    void flyway_has_migrated_the_registry_database() {
        // Flyway creates its history table on the first migrate, even before any migration exists.
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(FlywayProbe.historyTableExists()).isTrue();
    }

    @Test
    void the_configured_kafka_broker_carries_records_through_a_consumer_group() throws Exception {
        String topic = "registry-api-smoke-" + UUID.randomUUID();
        Object servers = kafkaConfig.get("bootstrap.servers");
        assertThat(servers).isNotNull();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "hello")).get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "registry-api-smoke",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig,
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }
}
