package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestLog;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.jcm.testsupport.DocsTable;

/**
 * Who may call what on settlement: every endpoint against every kind of caller, through the real
 * API, with the status each cell must answer. The table is the one in docs/security.md.
 *
 * <p>Columns (callers): no token; operator; registry administrator of a registry and of another;
 * account holder of an organization and of another; government of a Party and of another;
 * exchange of the trade's venue (MTXV) and of another venue; auditor. Settlement knows only the
 * roles operator, auditor and exchange; every other role is a stranger to it. Allowed requests
 * have valid bodies and existing data, so they really succeed. The live stream
 * ({@code /feeds/stream}) is public like the other feeds and is left out because it never ends.
 */
@QuarkusTest
class AccessMatrixTest {

    enum Caller {
        NONE, OPERATOR, ADMIN_OWN, ADMIN_OTHER, HOLDER_OWN, HOLDER_OTHER, GOV_OWN, GOV_OTHER, EXCHANGE_OWN, EXCHANGE_OTHER,
        AUDITOR
    }

    record Row(String method, String path, Supplier<Object> body, String expected) {

        List<String> cells() {
            List<String> cells = List.of(expected.trim().split("\\s+"));
            if (cells.size() != Caller.values().length) {
                throw new IllegalStateException(method + " " + path + ": " + cells.size() + " cells");
            }
            return cells;
        }
    }

    static final String VENUE = "MTXV";
    /** A trade of MTXV that the setup registers. */
    static final String TRADE = "MTX-" + UUID.randomUUID().toString().substring(0, 8);
    /** A pending trade of MTXV that the setup registers and the exchange of MTXV cancels. */
    static final String CANCELLABLE = "MTC-" + UUID.randomUUID().toString().substring(0, 8);

    static final List<Row> MATRIX = List.of(
            //                                                                  none op  adm adm~ hld hld~ gov gov~ exc exc~ aud
            row("GET", "/api/v1/instruments", null,                             "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/status", null,                                  "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/feeds/trades?limit=5", null,                    "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/feeds/ohlcv?instrument=JCM-MNG-2031-NONE&interval=1d", null,
                                                                                "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/feeds/volumes", null,                           "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/statements/" + VENUE + "/2025-07-01", null,     "401 200 403 403 403 403 403 403 200 403 200"),
            row("GET", "/api/v1/trades/" + VENUE + "/" + TRADE, null,           "401 200 403 403 403 403 403 403 200 403 200"),
            row("GET", "/api/v1/unmatched-references/" + VENUE, null,           "401 200 403 403 403 403 403 403 200 403 200"),
            row("POST", "/api/v1/trades", () -> trade("MTX-" + UUID.randomUUID()),
                                                                                "401 403 403 403 403 403 403 403 201 403 403"),
            row("GET", "/api/v1/trades?venue=" + VENUE, null,                   "401 200 403 403 403 403 403 403 200 403 200"),
            row("POST", "/api/v1/trades/" + VENUE + "/" + CANCELLABLE + "/cancel", null,
                                                                                "401 403 403 403 403 403 403 403 200 403 403"),
            row("POST", "/api/v1/admin/rebuild", null,                          "401 202 403 403 403 403 403 403 403 403 403"),
            row("GET", "/api/v1/witness/status", null,                          "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/witness/key", null,                             "200 200 200 200 200 200 200 200 200 200 200"),
            row("GET", "/api/v1/witness/checkpoints/latest", null,              "200 200 200 200 200 200 200 200 200 200 200"),
            row("POST", "/api/v1/admin/witness/alarm/clear", null,              "401 200 403 403 403 403 403 403 403 403 403"),
            row("GET", "/api/v1/webhooks", null,                                "401 403 403 403 200 200 403 403 200 200 403"),
            // An organization's events: exchanges may register too, but only for trade events (400 here).
            row("POST", "/api/v1/webhooks", () -> java.util.Map.of("url", "http://localhost:9/matrix",
                    "events", List.of("transfer.incoming")),                    "401 403 403 403 201 201 403 403 400 400 403"));

    private static Row row(String method, String path, Supplier<Object> body, String expected) {
        return new Row(method, path, body, expected);
    }

    static Map<String, Object> trade(String tradeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", VENUE);
        body.put("sellerAccountId", "MNG01-H00001");
        body.put("buyerAccountId", "JPN01-H00001");
        body.put("instrument", "JCM-MNG-2031-NONE");
        body.put("quantity", 10);
        body.put("pricePerTonne", "1500.00");
        body.put("currency", "JPY");
        body.put("deliverBy", "2099-12-31T00:00:00Z");
        return body;
    }

    static Map<Caller, String> tokens() {
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.OPERATOR, TestTokens.operator());
        tokens.put(Caller.ADMIN_OWN, TestTokens.registryAdmin("MNG01"));
        tokens.put(Caller.ADMIN_OTHER, TestTokens.registryAdmin("JPN01"));
        tokens.put(Caller.HOLDER_OWN, TestTokens.accountHolder("MNG01-O0001"));
        tokens.put(Caller.HOLDER_OTHER, TestTokens.accountHolder("MNG01-O0002"));
        tokens.put(Caller.GOV_OWN, TestTokens.government("MNG"));
        tokens.put(Caller.GOV_OTHER, TestTokens.government("JPN"));
        tokens.put(Caller.EXCHANGE_OWN, TestTokens.exchange(VENUE));
        tokens.put(Caller.EXCHANGE_OTHER, TestTokens.exchange("OTHERV"));
        tokens.put(Caller.AUDITOR, TestTokens.auditor());
        return tokens;
    }

    @Test
    void every_endpoint_answers_every_caller_as_the_table_says() {
        Await.caughtUp();
        // A cosigned checkpoint for the witness's reads: the test log's checkpoint of the head.
        long head = TestLedger.get().head();
        TestLog.publish(TestLog.checkpoint(head));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/witness/checkpoints/latest")
                .statusCode() == 200);
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(trade(TRADE)).post("/api/v1/trades").then().statusCode(201);
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(trade(CANCELLABLE)).post("/api/v1/trades").then().statusCode(201);
        // A cancellation needs the consumer at the end of the topic.
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(
                given().get("/api/v1/status").then().extract().jsonPath().getString("state")));
        Map<Caller, String> tokens = tokens();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : MATRIX) {
            List<String> expected = row.cells();
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given().header("Idempotency-Key", UUID.randomUUID().toString());
                if (tokens.containsKey(caller)) {
                    request = request.auth().oauth2(tokens.get(caller));
                }
                if (row.body() != null) {
                    request = request.contentType(ContentType.JSON).body(row.body().get());
                }
                Response response = row.method().equals("GET") ? request.get(row.path()) : request.post(row.path());
                cells++;
                String want = expected.get(caller.ordinal());
                if (!Integer.toString(response.statusCode()).equals(want)) {
                    mismatches.add(row.method() + " " + row.path() + " as " + caller + ": expected " + want + ", got "
                            + response.statusCode() + " " + response.asString());
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).as(row.path() + " as " + caller).startsWith("application/problem+json");
                }
            }
        }
        Await.caughtUp();
        System.out.println("Access matrix (settlement): " + MATRIX.size() + " endpoints x " + Caller.values().length
                + " callers = " + cells + " cells");
        assertThat(mismatches).isEmpty();
        assertThat(Set.copyOf(tokens.keySet())).hasSize(Caller.values().length - 1);
    }

    /** The markdown rows of the matrix, as docs/security.md shows them. */
    static List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| endpoint | no token | operator | admin own registry | admin other registry | holder own org "
                + "| holder other org | government own Party | government other Party | exchange own venue "
                + "| exchange other venue | auditor |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : MATRIX) {
            String path = row.path().replace(VENUE, "{venue}").replace(CANCELLABLE, "{tradeId}").replace(TRADE, "{tradeId}").replace("2025-07-01", "{date}");
            lines.add("| `" + row.method() + " " + path + "` | " + String.join(" | ", row.cells()) + " |");
        }
        return lines;
    }

    @Test
    void docs_security_md_shows_this_matrix() throws java.io.IOException {
        assertThat(DocsTable.between(java.nio.file.Path.of("..", "docs", "security.md"), "settlement"))
                .as("docs/security.md, settlement table; expected:%n%s", String.join("\n", markdown()))
                .isEqualTo(markdown());
    }
}
