package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.report.FiscalYear;
import org.junit.jupiter.api.Test;

class DemoSeederTest {

    @Test
    void the_authorized_range_starts_above_the_units_already_sold() {
        assertThat(DemoSeeder.slice("JCM-MN001-2024-1-8000", 800, 5_000)).isEqualTo("JCM-MN001-2024-801-5800");
        assertThat(DemoSeeder.slice("JCM-MN001-2024-1001-9000", 0, 5_000)).isEqualTo("JCM-MN001-2024-1001-6000");
    }

    @Test
    void ids_and_events_are_found_in_a_mutation_answer_whatever_its_nesting() {
        Object answer = Json.parse("{\"id\":\"MNG01-H00001\",\"events\":[{\"seq\":12,\"type\":\"CreditsTransferred\","
                + "\"blocks\":[{\"serial\":\"JCM-MN001-2024-1-2000\",\"accountId\":\"JPN01-H00001\"}]},"
                + "{\"seq\":13,\"type\":\"FirstTransferRecorded\",\"blocks\":[]}]}");

        assertThat(JsonTrees.find(answer, "serial")).hasValue("JCM-MN001-2024-1-2000");
        assertThat(JsonTrees.find(answer, "missing")).isEmpty();
        assertThat(JsonTrees.objectsWith(answer, "type", "FirstTransferRecorded").stream()
                .map(event -> (Object) event.get("seq")).toList()).containsExactly(13L);
        assertThat(JsonTrees.objectsWith(answer, "accountId", "JPN01-H00001").stream()
                .map(block -> (Object) block.get("serial")).toList()).containsExactly("JCM-MN001-2024-1-2000");
    }

    @Test
    void request_bodies_keep_the_order_of_their_fields() {
        Map<String, Object> body = DemoSeeder.body("registryId", "JPN01", "name", "Japan JCM Registry",
                "participants", List.of("MNG01-O0001"));

        assertThat(Json.write(body))
                .isEqualTo("{\"registryId\":\"JPN01\",\"name\":\"Japan JCM Registry\",\"participants\":[\"MNG01-O0001\"]}");
    }

    @Test
    void the_certificate_line_saves_the_printable_page_with_the_companys_token() {
        assertThat(DemoSeeder.certificateCurl("http://localhost:8080/", "/api/v1/retirements/42/certificate"))
                .isEqualTo("curl -H \"Authorization: Bearer $JCM_TOKEN_SAKURA_TRADING\" "
                        + "\"http://localhost:8080/api/v1/retirements/42/certificate?format=html\" > retirement-certificate.html");
    }

    @Test
    void the_disclosure_is_for_the_fiscal_year_of_the_retirement_in_japan_and_nets_the_corrected_scope_2() {
        Object answer = Json.parse("{\"events\":[{\"seq\":40,\"type\":\"CreditsRetired\",\"at\":\"2027-03-31T15:30:00Z\"}]}");
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        // 1 April 2027 00:30 in Japan: fiscal 2027, whatever the launcher's clock says.
        assertThat(DemoDisclosure.fiscalYearOf(answer, now)).isEqualTo(new FiscalYear(2027));
        assertThat(DemoDisclosure.fiscalYearOf(Json.parse("{}"), now)).isEqualTo(new FiscalYear(2026));
        assertThat(DemoDisclosure.expectedNet()).isEqualTo(1_850 + 3_380 - 150);
        assertThat(DemoDisclosure.netOf(Json.parse("{\"net\":{\"net\":5080,\"rule\":\"x\"}}"))).isEqualTo("5080");
        assertThat(DemoDisclosure.netOf(Json.parse("{\"net\":null}"))).isNull();
    }

    @Test
    void the_delivery_log_url_is_the_endpoints_on_settlement() {
        assertThat(DemoWebhooks.deliveryLog("http://localhost:8081/", "wh_0001"))
                .isEqualTo("http://localhost:8081/api/v1/webhooks/wh_0001/deliveries");
    }
}
