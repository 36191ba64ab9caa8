package org.jcm.settlement.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Settlement's token rules through the real API (docs/security.md, "Tokens"): a token must name
 * the audience {@code jcm-settlement}, say when it was issued and not more than 60 s in the
 * future, live at most an hour, and carry one role; anything else is 401 {@code unauthorized}.
 */
@QuarkusTest
class TokenRulesHttpTest {

    private static final Set<String> AUDITOR = Set.of("auditor");
    private static final String STATEMENT = "/api/v1/statements/TOKX/2025-07-01";

    @Test
    void a_token_issued_now_for_an_hour_for_this_audience_with_one_role_is_accepted() {
        read(TestTokens.auditor()).statusCode(200);
        read(TestTokens.living(AUDITOR, Map.of(), Duration.ofHours(1))).statusCode(200);
        read(TestTokens.forAudiences(AUDITOR, Map.of(), "jcm-registry", "jcm-settlement")).statusCode(200);
        read(TestTokens.issuedInTheFuture(AUDITOR, Map.of(), Duration.ofSeconds(30))).statusCode(200);
    }

    @Test
    void a_token_issued_in_the_future_or_living_longer_than_an_hour_is_401() {
        refused(read(TestTokens.issuedInTheFuture(AUDITOR, Map.of(), Duration.ofMinutes(5))))
                .body("detail", containsString("in the future"));
        refused(read(TestTokens.living(AUDITOR, Map.of(), Duration.ofHours(1).plusSeconds(1))))
                .body("detail", containsString("at most 3600 s"));
    }

    @Test
    void a_token_for_the_registry_only_or_for_no_audience_is_401() {
        refused(read(TestTokens.forAudiences(AUDITOR, Map.of(), "jcm-registry")));
        refused(read(TestTokens.forAudiences(AUDITOR, Map.of())));
    }

    @Test
    void a_token_with_several_roles_is_401_even_if_one_of_them_would_be_allowed() {
        refused(read(TestTokens.token("both", Set.of("exchange", "auditor"), Map.of("venue", "TOKX"))))
                .body("detail", containsString("several roles (auditor, exchange)"));
        String exchangeAndOperator = TestTokens.token("exchange@TOKX", Set.of("exchange", "operator"), Map.of("venue", "TOKX"));
        refused(given().auth().oauth2(exchangeAndOperator).when().post("/api/v1/admin/rebuild").then());
        read(TestTokens.token("auditor", Set.of("auditor", "staff"), Map.of())).statusCode(200);
    }

    private static ValidatableResponse read(String token) {
        return given().auth().oauth2(token).when().get(STATEMENT).then();
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(401)
                .contentType(equalTo("application/problem+json"))
                .body("code", equalTo("unauthorized"));
    }
}
