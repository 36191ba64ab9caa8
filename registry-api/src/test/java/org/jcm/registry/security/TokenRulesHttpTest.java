package org.jcm.registry.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The registry's token rules through the real API (docs/security.md, "Tokens"): a token must name
 * the audience {@code jcm-registry}, say when it was issued and not more than 60 s in the future,
 * live at most an hour, and carry one role; anything else is 401 {@code unauthorized} with a
 * detail that names the rule, on reads and on mutations alike, and also when the same token was
 * accepted before in another form.
 */
@QuarkusTest
class TokenRulesHttpTest {

    private static final Set<String> AUDITOR = Set.of("auditor");
    private static final String EVENTS = "/api/v1/ledger/events?limit=1";

    @Test
    void a_token_issued_now_for_an_hour_for_this_audience_with_one_role_is_accepted() {
        read(TestTokens.auditor()).statusCode(200);
        read(TestTokens.living(AUDITOR, Map.of(), Duration.ofHours(1))).statusCode(200);
        read(TestTokens.forAudiences(AUDITOR, Map.of(), "jcm-registry", "jcm-settlement")).statusCode(200);
    }

    @Test
    void a_token_issued_in_the_future_beyond_a_minute_is_401_and_within_it_is_accepted() {
        read(TestTokens.issuedInTheFuture(AUDITOR, Map.of(), Duration.ofSeconds(30))).statusCode(200);
        refused(read(TestTokens.issuedInTheFuture(AUDITOR, Map.of(), Duration.ofMinutes(5))))
                .body("detail", containsString("in the future"));
    }

    @Test
    void a_token_living_longer_than_an_hour_is_401() {
        refused(read(TestTokens.living(AUDITOR, Map.of(), Duration.ofHours(1).plusSeconds(1))))
                .body("detail", containsString("at most 3600 s"));
        refused(read(TestTokens.living(AUDITOR, Map.of(), Duration.ofDays(365))));
    }

    @Test
    void a_token_for_another_audience_or_for_none_is_401() {
        refused(read(TestTokens.forAudiences(AUDITOR, Map.of(), "jcm-settlement")));
        refused(read(TestTokens.forAudiences(AUDITOR, Map.of(), "some-other-service")));
        refused(read(TestTokens.forAudiences(AUDITOR, Map.of())));
    }

    @Test
    void a_token_with_several_roles_is_401_on_reads_and_mutations_whatever_its_scope_claims() {
        refused(read(TestTokens.token("auditor", Set.of("auditor", "exchange"), Map.of("venue", "JPX"))))
                .body("detail", containsString("several roles (auditor, exchange)"));
        LedgerApi.registry("MNG01");
        String both = TestTokens.token("admin@MNG01", Set.of("registry-admin", "operator"), Map.of("registry", "MNG01"));
        refused(given().auth().oauth2(both).contentType("application/json").header("Idempotency-Key", LedgerApi.key())
                .body(Map.of("registryId", "MNG01", "name", "Two roles")).when().post("/api/v1/organizations").then());
        // Group names that are no role of the registry are ignored, as before.
        read(TestTokens.token("auditor", Set.of("auditor", "staff", "everyone"), Map.of())).statusCode(200);
    }

    @Test
    void a_refused_token_is_refused_every_time_and_an_accepted_one_keeps_working() {
        String longLived = TestTokens.living(AUDITOR, Map.of(), Duration.ofHours(3));
        String good = TestTokens.auditor();
        for (int i = 0; i < 3; i++) {
            refused(read(longLived));
            read(good).statusCode(200);
        }
    }

    private static ValidatableResponse read(String token) {
        return given().auth().oauth2(token).when().get(EVENTS).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(401)
                .contentType(equalTo("application/problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("unauthorized"));
    }
}
