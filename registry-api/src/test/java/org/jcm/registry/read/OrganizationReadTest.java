package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jcm.registry.read.AccountReadTest.auditor;
import static org.jcm.registry.read.AccountReadTest.problem;
import static org.jcm.registry.read.AccountReadTest.read;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests reading an organization with its accounts, and who may. */
@QuarkusTest
class OrganizationReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void an_organization_shows_its_registry_name_and_accounts() {
        read(TestTokens.accountHolder(s.orgA), "/api/v1/organizations/" + s.orgA).statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(s.orgA))
                .body("registryId", equalTo(MNG01))
                .body("name", startsWith("Org "))
                .body("accounts", equalTo(List.of(Map.of("id", s.a1, "type", "HOLDING", "name", "Treasury of " + s.orgA,
                        "status", "OPEN", "frozen", false))));
    }

    @Test
    void the_operator_the_registry_administrator_the_auditor_and_the_party_s_government_may_read_it() {
        for (String token : List.of(TestTokens.operator(), TestTokens.registryAdmin(MNG01), auditor(),
                TestTokens.government("MNG"))) {
            read(token, "/api/v1/organizations/" + s.orgA).statusCode(200).body("id", equalTo(s.orgA));
        }
    }

    @Test
    void another_organization_registry_or_party_is_refused_by_scope() {
        for (String token : List.of(TestTokens.accountHolder(s.orgB), TestTokens.registryAdmin(JPN01),
                TestTokens.government("JPN"))) {
            problem(read(token, "/api/v1/organizations/" + s.orgA), 403, "forbidden_scope");
        }
    }

    @Test
    void exchanges_may_not_read_organizations() {
        problem(read(TestTokens.exchange("JPX"), "/api/v1/organizations/" + s.orgA), 403, "forbidden_role");
    }

    @Test
    void reading_an_organization_needs_a_valid_token() {
        problem(given().when().get("/api/v1/organizations/" + s.orgA).then(), 401, "unauthorized");
    }

    @Test
    void an_unknown_organization_is_404() {
        problem(read(TestTokens.operator(), "/api/v1/organizations/MNG01-O9999"), 404, "unknown_organization");
    }

    @Test
    void query_parameters_are_refused() {
        problem(read(TestTokens.operator(), "/api/v1/organizations/" + s.orgA + "?expand=all"), 400,
                "invalid_query_parameter");
    }
}
