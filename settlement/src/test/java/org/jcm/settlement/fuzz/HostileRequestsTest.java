package org.jcm.settlement.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.testsupport.HostileHttp.send;
import static org.jcm.testsupport.HostileHttp.sendExpectingContinue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.testsupport.Hostile.TokenKind;
import org.junit.jupiter.api.Test;
import org.jcm.testsupport.Hostile;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;
import org.jcm.testsupport.HostileRun;
import org.jcm.testsupport.HostileRun.Probe;

/**
 * Bad input at scale for settlement: jqwik generates hostile requests for every endpoint (broken
 * JSON, deep nesting, huge numbers and strings, wrong types, invalid UTF-8, injection strings in
 * every text field, lone surrogates, NUL and byte order marks in any string or field name,
 * hostile path segments, limits and cursors, forged, expired, unsigned, future, long-lived and
 * multi-role tokens, reads of another venue, and replays of an earlier key by the same subject
 * for another venue) and each is sent through the real API. Every answer must be below 500; every
 * refusal must be application/problem+json with a {@code code}; unstorable text must be 400
 * {@code invalid_text} or {@code malformed_json}; a read of another venue and a replay for another
 * venue never 2xx; a refused request must leave the registered trades as they were. The live
 * stream ({@code /feeds/stream}, server-sent events) is left out: it never ends.
 *
 * <p>{@code -Djcm.fuzz.tries=N} sets the number of generated cases (default 5,000) and
 * {@code -Djcm.fuzz.seed=S} replays a run; the seed is printed.
 */
@QuarkusTest
class HostileRequestsTest {

    static final int TRIES = Integer.getInteger("jcm.fuzz.tries", 5000);

    /** The token a legitimate caller would present. */
    record Caller(String subject, Set<String> groups, Map<String, String> claims) {
    }

    /** An endpoint: method, path ({X} is where a hostile path segment goes), a valid body or null, its caller. */
    record Endpoint(String method, String path, String validBody, Caller caller, boolean paged, boolean validTokenAllowed) {
    }

    static final Caller OPERATOR = new Caller("operator", Set.of("operator"), Map.of());
    static final Caller EXCHANGE = new Caller("exchange@FZX", Set.of("exchange"), Map.of("venue", "FZX"));
    static final Caller AUDITOR = new Caller("auditor", Set.of("auditor"), Map.of());

    static final String TRADE = "{\"tradeId\":\"F-1\",\"venue\":\"FZX\",\"sellerAccountId\":\"MNG01-H00001\","
            + "\"buyerAccountId\":\"JPN01-H00001\",\"instrument\":\"JCM-MNG-2031-NONE\",\"quantity\":10,"
            + "\"pricePerTonne\":\"1500.00\",\"currency\":\"JPY\",\"deliverBy\":\"2099-12-31T00:00:00Z\"}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/instruments", null, null, false, true),
            new Endpoint("GET", "/api/v1/status", null, null, false, true),
            new Endpoint("GET", "/api/v1/feeds/trades", null, null, true, true),
            new Endpoint("GET", "/api/v1/feeds/ohlcv?instrument=JCM-MNG-2031-NONE&interval=1d", null, null, true, true),
            new Endpoint("GET", "/api/v1/feeds/volumes", null, null, true, true),
            new Endpoint("GET", "/api/v1/statements/FZX/{X}", null, EXCHANGE, false, true),
            new Endpoint("GET", "/api/v1/trades/FZX/{X}", null, EXCHANGE, false, true),
            new Endpoint("GET", "/api/v1/trades/{X}/F-1", null, AUDITOR, false, true),
            new Endpoint("POST", "/api/v1/trades", TRADE, EXCHANGE, false, true),
            // A rebuild with a valid token really rebuilds; the fuzzer only sends it hostile ones.
            new Endpoint("POST", "/api/v1/admin/rebuild", null, OPERATOR, false, false));

    /** Unstorable text or a body that is not UTF-8 JSON: exactly 400 invalid_text or malformed_json. */
    static final String UNSTORABLE = "unstorable";
    /** A read of another venue's trades or statements, or a replay for another venue: never 2xx. */
    static final String OTHER_VENUE = "other venue";

    private Arbitrary<Probe> probes() {
        return Arbitraries.frequencyOf(Tuple.of(4, cases().map(c -> new Probe(null, c, null))),
                Tuple.of(1, Arbitraries.frequencyOf(
                        Tuple.of(3, Hostile.unstorableBody(TRADE).map(body -> new Probe(null, request(trade(), TokenKind.VALID,
                                UNSTORABLE, "/api/v1/trades", body, Map.of()), UNSTORABLE))),
                        Tuple.of(1, Arbitraries.of("OTHERV", "NOSUCH").map(HostileRequestsTest::replayForAnotherVenue)),
                        Tuple.of(1, Arbitraries.of("/api/v1/statements/FZX/2025-07-01", "/api/v1/trades/FZX/F-1")
                                .map(path -> new Probe(null, request(new Endpoint("GET", path, null, new Caller("exchange@OTHERV",
                                        Set.of("exchange"), Map.of("venue", "OTHERV")), false, true), TokenKind.VALID,
                                        OTHER_VENUE + " read", path, null, Map.of()), OTHER_VENUE))))));
    }

    private static Endpoint trade() {
        return ENDPOINTS.stream().filter(e -> e.path().equals("/api/v1/trades")).findFirst().orElseThrow();
    }

    /** A registration by FZX's exchange, then the same body and key by the same subject for another venue. */
    private static Probe replayForAnotherVenue(String venue) {
        String key = UUID.randomUUID().toString();
        byte[] body = Hostile.utf8(fresh(trade()));
        Case first = request(trade(), TokenKind.VALID, "original", "/api/v1/trades", body, Map.of("Idempotency-Key", key));
        Caller elsewhere = new Caller(EXCHANGE.subject(), EXCHANGE.groups(), Map.of("venue", venue));
        Case again = request(new Endpoint("POST", "/api/v1/trades", TRADE, elsewhere, false, true), TokenKind.VALID,
                OTHER_VENUE + " replay as venue=" + venue, "/api/v1/trades", body, Map.of("Idempotency-Key", key));
        return new Probe(first, again, OTHER_VENUE);
    }

    private Arbitrary<Case> cases() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> {
            List<Tuple.Tuple2<Integer, Arbitrary<? extends Case>>> kinds = new ArrayList<>();
            kinds.add(Tuple.of(2, Arbitraries.of(TokenKind.values())
                    .filter(token -> endpoint.validTokenAllowed() || !harmless(token))
                    .map(token -> request(endpoint, token, "token " + token, path(endpoint, null),
                            endpoint.validBody() == null ? null : Hostile.utf8(fresh(endpoint)), Map.of()))));
            if (endpoint.validBody() != null) {
                kinds.add(Tuple.of(6, Hostile.body(endpoint.validBody()).map(body -> request(endpoint, TokenKind.VALID, "body",
                        path(endpoint, null), body, Map.of()))));
                kinds.add(Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=UTF-16",
                        "application/x-www-form-urlencoded", "*/*", "application/json;;").map(type -> request(endpoint,
                        TokenKind.VALID, "content-type " + type, path(endpoint, null), Hostile.utf8(fresh(endpoint)),
                        Map.of("Content-Type", type)))));
                kinds.add(Tuple.of(1, Arbitraries.of("", " ", "a b", "x".repeat(129), "x".repeat(5000), "<script>", "'; --",
                        "%00").map(key -> request(endpoint, TokenKind.VALID, "idempotency key", path(endpoint, null),
                        Hostile.utf8(fresh(endpoint)), Map.of("Idempotency-Key", key)))));
            }
            if (endpoint.path().contains("{X}")) {
                kinds.add(Tuple.of(3, Hostile.pathValue().map(value -> request(endpoint, TokenKind.VALID, "path",
                        path(endpoint, value), null, Map.of()))));
            }
            if (endpoint.paged()) {
                kinds.add(Tuple.of(3, Arbitraries.oneOf(
                        Hostile.limitValue().map(limit -> "limit=" + limit),
                        Hostile.cursorValue().map(cursor -> "after=" + cursor),
                        Hostile.pathValue().map(value -> "from=" + value),
                        Hostile.pathValue().map(value -> "to=" + value),
                        Hostile.pathValue().map(value -> "instrument=" + value),
                        Hostile.pathValue().map(value -> "party=" + value),
                        Arbitraries.of("limit=1&limit=2", "after=&limit=", "limit", "after", "interval=1y", "interval=",
                                "currency=%00", "from=2025-13-45T99:99:99Z", "to=-999999999-01-01T00:00:00Z",
                                "from=+999999999-12-31T23:59:59Z", "after=9223372036854775807-2147483647",
                                "after=5--3", "after=-5-3", "after=1-"))
                        .map(query -> request(endpoint, TokenKind.VALID, "query " + query, path(endpoint, null)
                                + (endpoint.path().contains("?") ? "&" : "?") + query, null, Map.of()))));
            }
            @SuppressWarnings("unchecked")
            Tuple.Tuple2<Integer, Arbitrary<? extends Case>>[] weighted = kinds.toArray(new Tuple.Tuple2[0]);
            return Arbitraries.<Case>frequencyOf(weighted);
        });
    }

    /** Tokens a service accepts as the legitimate caller's. */
    private static boolean harmless(TokenKind token) {
        return token == TokenKind.VALID || token == TokenKind.HUGE_CLAIM || token == TokenKind.INJECTED_SUBJECT;
    }

    private static String fresh(Endpoint endpoint) {
        return endpoint.validBody().replace("\"F-1\"", "\"F-" + UUID.randomUUID() + "\"");
    }

    private static String path(Endpoint endpoint, String hostile) {
        return endpoint.path().replace("{X}", hostile != null ? hostile : endpoint.path().contains("statements") ? "2025-07-01"
                : endpoint.path().startsWith("/api/v1/trades/{X}") ? "FZX" : "F-1");
    }

    private static Case request(Endpoint endpoint, TokenKind token, String what, String path, byte[] body,
                                Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        Caller caller = endpoint.caller() != null ? endpoint.caller() : OPERATOR;
        String authorization = endpoint.caller() == null && token == TokenKind.VALID ? null
                : Hostile.authorization(token, caller.subject(), caller.groups(), caller.claims());
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (endpoint.method().equals("POST")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
        }
        headers.putAll(extra);
        return new Case(endpoint.method() + " " + endpoint.path() + " [" + what + "]", endpoint.method(), path, headers, body);
    }

    @Test
    void no_hostile_request_gets_a_5xx_a_non_problem_refusal_or_changes_the_trades() {
        long seed = Long.getLong("jcm.fuzz.seed", System.nanoTime());
        HostileRun run = new HostileRun();
        Set<String> failures = run.failures();
        String trades = trades();
        JqwikSession.start(Long.toString(seed));
        try {
            Arbitrary<Probe> probes = probes();
            for (int i = 0; i < TRIES; i++) {
                Probe probe = probes.sample();
                run.sendFirst(probe);
                if (probe.first() != null) {
                    trades = trades();
                }
                Case c = probe.c();
                Answer response = run.send(probe, HostileRequestsTest::unexpected);
                int status = response.statusCode();
                String after = trades();
                if ((status < 200 || status >= 300) && !after.equals(trades)) {
                    failures.add(c.what() + ": answered " + status + " but the registered trades changed");
                }
                trades = after;
            }
        } finally {
            JqwikSession.finish();
        }
        System.out.println("Bad input at scale (settlement): " + run.ran() + " hostile requests, seed " + seed
                + ", statuses " + run.statuses() + ", " + failures.size() + " failures");
        failures.forEach(failure -> System.out.println("  " + failure));
        assertThat(failures).isEmpty();
    }

    /** What is wrong with an answer given what the probe expects, or null. */
    private static String unexpected(Probe probe, Answer response) {
        int status = response.statusCode();
        String what = probe.c().what() + ": " + status + " " + response.code();
        if (UNSTORABLE.equals(probe.expected())) {
            return status == 400 && ("invalid_text".equals(response.code()) || "malformed_json".equals(response.code()))
                    ? null : what + ", expected 400 invalid_text or malformed_json";
        }
        if (OTHER_VENUE.equals(probe.expected())) {
            return status >= 200 && status < 300 ? what + ", another venue's exchange succeeded" : null;
        }
        return null;
    }

    /** A fingerprint of the registered trades. */
    static String trades() {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(venue || '/' || trade_id"
                     + " || '/' || status, ',' ORDER BY venue, trade_id)), '') FROM trades")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ regressions

    /** Queries that must be refused with 400, each guarding a fix. */
    @Test
    void out_of_range_times_and_unconvertible_limits_are_refused_with_a_problem() {
        List<String> paths = List.of(
                // JAX-RS answers a query parameter it cannot convert to Integer with 404: limit is read as text.
                "/api/v1/feeds/trades?limit=abc",
                "/api/v1/feeds/volumes?limit=9223372036854775808",
                // Times and dates Java parses but PostgreSQL's timestamptz and date cannot hold.
                "/api/v1/feeds/ohlcv?instrument=JCM-MNG-2031-NONE&interval=1d&from=%2B999999999-12-31T23:59:59Z",
                "/api/v1/feeds/ohlcv?instrument=JCM-MNG-2031-NONE&interval=1d&to=-999999999-01-01T00:00:00Z",
                "/api/v1/feeds/volumes?from=%2B999999999-12-31",
                "/api/v1/feeds/volumes?to=-999999999-01-01",
                // Negative parts of a trade cursor.
                "/api/v1/feeds/trades?after=5--3");
        for (String path : paths) {
            Answer answer = send(new Case(path, "GET", path, Map.of(), null));
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.code()).as(path).isEqualTo("invalid_parameter");
        }
        // NUL in a path segment or query value reached PostgreSQL, which cannot compare text holding it: 500.
        for (String path : List.of("/api/v1/feeds/volumes?party=%00", "/api/v1/feeds/trades?instrument=a%00b",
                "/api/v1/trades/FZX/F%00")) {
            Answer answer = send(new Case(path, "GET", path, Map.of("Authorization", Hostile.authorization(TokenKind.VALID,
                    AUDITOR.subject(), AUDITOR.groups(), AUDITOR.claims())), null));
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.code()).as(path).isEqualTo("invalid_parameter");
        }
        // The body "null" became no request at all, and the resource failed on it: 500.
        for (String body : List.of("null", "")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", Hostile.authorization(TokenKind.VALID, EXCHANGE.subject(), EXCHANGE.groups(),
                    EXCHANGE.claims()));
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            headers.put("Content-Type", "application/json");
            Answer answer = send(new Case("body " + body, "POST", "/api/v1/trades", headers, Hostile.utf8(body)));
            assertThat(answer.statusCode()).as("body '" + body + "'").isEqualTo(400);
            assertThat(answer.contentType()).as("body '" + body + "'").startsWith("application/problem+json");
        }
        String statement = "/api/v1/statements/FZX/%2B999999999-12-31";
        Answer answer = send(new Case(statement, "GET", statement, Map.of("Authorization", Hostile.authorization(TokenKind.VALID,
                EXCHANGE.subject(), EXCHANGE.groups(), EXCHANGE.claims())), null));
        assertThat(answer.statusCode()).as(statement).isEqualTo(400);
        assertThat(answer.code()).as(statement).isEqualTo("invalid_parameter");
    }

    // ------------------------------------------------------------------ limits

    @Test
    void trade_registration_refuses_a_body_over_1_MiB_with_413_problem() {
        String before = trades();
        for (String path : List.of("/api/v1/trades", "/api/v1/admin/rebuild")) {
            Endpoint endpoint = ENDPOINTS.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
            Answer response = sendExpectingContinue(request(endpoint, TokenKind.VALID, "1 MiB", path,
                    Hostile.utf8("{\"tradeId\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}"), Map.of()));
            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.code()).as(path).isNotEmpty();
        }
        assertThat(trades()).isEqualTo(before);
    }

    @Test
    void every_feed_refuses_a_limit_above_1000_and_cursors_it_never_gave_out() {
        for (Endpoint endpoint : ENDPOINTS) {
            if (!endpoint.paged()) {
                continue;
            }
            String base = endpoint.path() + (endpoint.path().contains("?") ? "&" : "?");
            for (String query : List.of("limit=1001", "limit=-1", "limit=0", "limit=abc", "limit=9223372036854775808",
                    "after=garbage", "after=-1", "after=5--3", "after=%00")) {
                Answer response = send(request(endpoint, TokenKind.VALID, query, base + query, null, Map.of()));
                assertThat(response.statusCode()).as(base + query).isEqualTo(400);
                assertThat(response.contentType()).as(base + query).startsWith("application/problem+json");
                assertThat(response.code()).as(base + query).isEqualTo("invalid_parameter");
            }
            assertThat(send(request(endpoint, TokenKind.VALID, "1000", base + "limit=1000", null, Map.of())).statusCode())
                    .as(base + "limit=1000").isEqualTo(200);
        }
    }
}
