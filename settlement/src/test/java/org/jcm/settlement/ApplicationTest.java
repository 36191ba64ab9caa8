package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.Management;
import org.junit.jupiter.api.Test;

/** The service boots against real PostgreSQL and Kafka and serves health, metrics, OpenAPI and status. */
@QuarkusTest
class ApplicationTest {

    @Test
    void readiness_is_up_and_checks_postgresql_and_the_ledger_consumer() {
        Await.applied(TestLedger.get().head());
        Management.given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Ledger consumer"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void status_reports_the_last_applied_seq_and_no_lag_once_caught_up() {
        long head = TestLedger.get().head();
        Await.applied(head);
        given().when().get("/api/v1/status").then()
                .statusCode(200)
                .body("state", equalTo("RUNNING"))
                .body("lastAppliedSeq", equalTo((int) head))
                .body("lagRecords", equalTo(0))
                .body("lagMillis", equalTo(0));
    }

    @Test
    void prometheus_metrics_include_the_applied_seq_and_the_lag() {
        Management.given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("settlement_ledger_applied_seq"))
                .body(containsString("settlement_consumer_lag_records"))
                .body(containsString("settlement_commit_to_feed_seconds"));
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
    void the_openapi_document_describes_the_settlement_api() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("JCM settlement API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/feeds/ohlcv"));
    }
}
