package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holdings and transactions as CSV, and one policy for {@code ?format=}: honoured (csv or json)
 * wherever CSV is offered, refused with 400 {@code unsupported_format} everywhere else, instead of
 * being ignored.
 */
@QuarkusTest
class FormatParameterTest {

    private static String organization;
    private static String account;
    private static String token;

    @BeforeEach
    void holder() {
        if (organization != null) {
            return;
        }
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        organization = holder[0];
        account = holder[1];
        token = TestTokens.accountHolder(organization);
        String project = LedgerApi.project("MN", List.of(organization));
        LedgerApi.issue("MNG01", project, 2022, List.of(account), List.of(30L));
        LedgerApi.issue("MNG01", project, 2023, List.of(account), List.of(20L));
    }

    @Test
    void holdings_come_as_csv_with_accept_text_csv_one_line_per_block() {
        Response csv = given().auth().oauth2(token).accept("text/csv").get("/api/v1/accounts/" + account + "/holdings");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"holdings.csv\"");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).startsWith("serial,firstItmoId,lastItmoId,hostParty,projectId,vintage,firstUnit,lastUnit,"
                + "quantity,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",2022,").contains(",30,");
        assertThat(lines.get(2)).contains(",2023,").contains(",20,");
        assertThat(csv.header("Next-Cursor")).isNull();
    }

    @Test
    void format_csv_gives_the_same_page_as_csv_and_the_next_cursor_in_a_header() {
        Response first = given().auth().oauth2(token).queryParam("format", "csv").queryParam("limit", 1)
                .get("/api/v1/accounts/" + account + "/holdings");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/csv");
        assertThat(first.asString().lines().toList()).hasSize(2);
        String next = first.header("Next-Cursor");
        assertThat(next).isNotBlank();
        Response second = given().auth().oauth2(token).queryParam("format", "csv").queryParam("limit", 1)
                .queryParam("after", next).get("/api/v1/accounts/" + account + "/holdings");
        assertThat(second.asString().lines().toList()).hasSize(2);
        assertThat(second.asString().lines().toList().get(1)).contains(",2023,");
        // The JSON page hands out the same cursor.
        given().auth().oauth2(token).queryParam("limit", 1).get("/api/v1/accounts/" + account + "/holdings").then()
                .statusCode(200).body("next", equalTo(next));
    }

    @Test
    void transactions_come_as_csv_with_each_event_as_its_canonical_json() {
        Response csv = given().auth().oauth2(token).queryParam("format", "csv").queryParam("order", "oldest")
                .get("/api/v1/accounts/" + account + "/transactions");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("seq,type,at,event");
        assertThat(lines.get(1)).contains(",AccountOpened,").contains("\"{\"\"");
        assertThat(lines).anyMatch(l -> l.contains(",CreditsIssued,"));
    }

    @Test
    void format_json_wins_over_an_accept_header_that_asks_for_csv() {
        given().auth().oauth2(token).accept("text/csv").queryParam("format", "json")
                .get("/api/v1/accounts/" + account + "/holdings").then().statusCode(200)
                .contentType(startsWith("application/json")).body("items.size()", equalTo(2));
    }

    @Test
    void format_csv_on_a_report_is_honoured_rather_than_ignored() {
        Response summary = given().queryParam("format", "csv").get("/api/v1/reports/summary");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.contentType()).startsWith("text/csv");
        given().accept("text/csv").queryParam("format", "json").get("/api/v1/reports/summary").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void format_where_no_csv_is_offered_is_400_unsupported_format() {
        for (String path : List.of("/api/v1/accounts/" + account, "/api/v1/organizations/" + organization)) {
            unsupported(given().auth().oauth2(token).queryParam("format", "csv").get(path));
        }
        unsupported(given().queryParam("format", "csv").get("/api/v1/parties"));
        unsupported(given().queryParam("format", "json").get("/api/v1/projects"));
    }

    @Test
    void a_format_the_endpoint_does_not_offer_is_400_unsupported_format_naming_what_it_offers() {
        Response xml = given().auth().oauth2(token).queryParam("format", "xml").get("/api/v1/accounts/" + account + "/holdings");
        unsupported(xml);
        assertThat(xml.jsonPath().getString("detail")).isEqualTo("This endpoint answers format=csv or format=json, not "
                + "'format=xml'.");
        unsupported(given().auth().oauth2(token).queryParam("format", "html").get("/api/v1/accounts/" + account + "/holdings"));
        unsupported(given().queryParam("format", "csv").queryParam("format", "json").get("/api/v1/reports/summary"));
    }

    @Test
    void a_mutation_with_format_is_refused_and_writes_nothing() {
        long before = head();
        unsupported(LedgerApi.as(token).queryParam("format", "csv").body(Map.of("fromAccountId", account, "quantity", 1,
                "purpose", "VOLUNTARY", "beneficiary", "Format")).post("/api/v1/retirements"));
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void the_refusal_speaks_japanese_when_asked() {
        given().header("Accept-Language", "ja").queryParam("format", "csv").get("/api/v1/parties").then().statusCode(400)
                .body("code", equalTo("unsupported_format"))
                .body("title", equalTo("この形式には対応していません"))
                .body("detail", equalTo("このエンドポイントは 'format' パラメータを受け付けません。JSON のみで応答します。"));
    }

    private static void unsupported(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo("unsupported_format");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("format");
    }

    private static long head() {
        return given().get("/api/v1/ledger/head").then().statusCode(200).extract().jsonPath().getLong("seq");
    }
}
