package org.jcm.registry.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One administrator cannot create credits out of thin air, through the real API on PostgreSQL:
 * every issuance cites the participants' issuance request for its project and monitoring period
 * and stays, with the other issuances on it, within the verified quantity; each side issues its
 * share of a decision into its own registry, once; projects need a host with JCM status partner;
 * one issuance creates at most {@code jcm.ledger.max-issuance-quantity} units. Every refusal
 * appends nothing.
 */
@QuarkusTest
class IssuanceRulesTest {

    private static final String MNG_ADMIN = TestTokens.registryAdmin("MNG01");
    private static final String JPN_ADMIN = TestTokens.registryAdmin("JPN01");

    /** A Mongolian participant with an account, another Mongolian organization's account, a Japanese participant's account. */
    private static String mnOrg;
    private static String mn;
    private static String outsider;
    private static String jpOrg;
    private static String jp;

    @BeforeEach
    void setUp() {
        if (mnOrg != null) {
            return;
        }
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] participant = LedgerApi.holder("MNG01");
        String[] japanese = LedgerApi.holder("JPN01");
        outsider = LedgerApi.holder("MNG01")[1];
        mnOrg = participant[0];
        mn = participant[1];
        jpOrg = japanese[0];
        jp = japanese[1];
    }

    private static String project() {
        return LedgerApi.project("MN", List.of(mnOrg, jpOrg));
    }

    /** Posts an issuance that must be refused with {@code status} and {@code code}; the ledger's head must not move. */
    private static ValidatableResponse refused(String token, Object body, int status, String code) {
        long head = LedgerProbe.headSeq();
        ValidatableResponse response = as(token).body(body).when().post("/api/v1/issuances").then()
                .statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        assertThat(LedgerProbe.headSeq()).as("the head after a refused issuance").isEqualTo(head);
        return response;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    @Test
    void an_issuance_that_cites_no_issuance_request_is_a_bad_request_and_issues_nothing() {
        String project = project();
        // The administrator tries to put units into the account of an organization that takes no part in the project.
        Map<String, Object> body = without(LedgerApi.issuance(project, 2024, "IR000001", List.of(outsider), List.of(1_000L)),
                "issuanceRequestId");
        refused(MNG_ADMIN, body, 400, "invalid_field").body("errors[0].field", equalTo("issuanceRequestId"));
        assertThat(LedgerProbe.balance(outsider)).isZero();
    }

    @Test
    void an_issuance_cites_an_existing_request_of_its_own_project_and_monitoring_period() {
        String project = project();
        String other = project();
        String request2024 = LedgerApi.request(project, 2024, 100);
        String otherProjects = LedgerApi.request(other, 2024, 100);

        refused(MNG_ADMIN, LedgerApi.issuance(project, 2024, "IR999999", List.of(mn), List.of(10L)), 404,
                "unknown_issuance_request");
        refused(MNG_ADMIN, LedgerApi.issuance(project, 2024, otherProjects, List.of(mn), List.of(10L)), 422,
                "issuance_request_mismatch");
        refused(MNG_ADMIN, LedgerApi.issuance(project, 2025, request2024, List.of(mn), List.of(10L)), 422,
                "issuance_request_mismatch");
        LedgerApi.issueOn("MNG01", project, 2024, request2024, List.of(mn), List.of(10L))
                .then().body("events[1].type", equalTo("CreditsIssued"));
    }

    @Test
    void each_side_issues_its_share_of_a_decision_once_into_its_own_registry_within_the_verified_quantity() {
        String project = project();
        String request = LedgerApi.request(project, 2024, 1_000);
        LedgerApi.decide(request, LedgerApi.share("MNG01", 2024, List.of(mn), List.of(600L)),
                LedgerApi.share("JPN01", 2024, List.of(jp), List.of(400L)));

        // Japan's administrator cannot issue into Mongolia's registry, nor Mongolia's into Japan's.
        refused(JPN_ADMIN, LedgerApi.issuance(project, 2024, request, List.of(mn), List.of(400L)), 422,
                "allocation_outside_issuing_registry");
        refused(MNG_ADMIN, LedgerApi.issuance(project, 2024, request, List.of(mn, jp), List.of(600L, 400L)), 422,
                "allocation_outside_issuing_registry");

        LedgerApi.issueOn("MNG01", project, 2024, request, List.of(mn), List.of(600L));
        refused(MNG_ADMIN, LedgerApi.issuance(project, 2024, request, List.of(mn), List.of(1L)), 409,
                "issuance_decision_already_issued");
        refused(JPN_ADMIN, LedgerApi.issuance(project, 2024, request, List.of(jp), List.of(401L)), 422,
                "verified_quantity_exceeded");
        // Within the verified quantity, but not the share the Joint Committee decided for JPN01.
        refused(JPN_ADMIN, LedgerApi.issuance(project, 2024, request, List.of(jp), List.of(300L)), 422,
                "issuance_not_as_decided");
        LedgerApi.issueOn("JPN01", project, 2024, request, List.of(jp), List.of(400L))
                .then().body("events[1].blocks[0].accountId", equalTo(jp));

        assertThat(LedgerProbe.balance(mn)).isGreaterThanOrEqualTo(600);
        assertThat(LedgerProbe.strings("SELECT issued_quantity::text FROM issuance_request WHERE id = '" + request + "'"))
                .containsExactly("1000");
        assertThat(LedgerProbe.strings("SELECT DISTINCT a.issuing_registry_id FROM issuance i JOIN issuance_allocation a"
                + " ON a.issuance_id = i.id WHERE i.issuance_request_id = '" + request + "' ORDER BY 1"))
                .containsExactly("JPN01", "MNG01");
    }

    @Test
    void an_issuance_for_a_project_that_was_never_registered_is_refused() {
        // US755: the United States of America are a JCM candidate and host no project.
        refused(JPN_ADMIN, LedgerApi.issuance("US755", 2024, "IR000001", List.of(jp), List.of(10L)), 404, "unknown_project");
    }

    @Test
    void one_issuance_creates_at_most_the_configured_maximum_of_one_hundred_million_units() {
        // Kenya, vintages 2030 and 2031: nobody else in these tests issues them. The Joint Committee may
        // decide more than one issuance may create; the registry cannot issue it in one.
        String project = LedgerApi.project("KE", List.of(jpOrg));
        String tooLarge = LedgerApi.request(project, 2030, 100_000_001);
        LedgerApi.decide(tooLarge, LedgerApi.share("JPN01", 2030, List.of(jp), List.of(100_000_001L)));
        refused(JPN_ADMIN, LedgerApi.issuance(project, 2030, tooLarge, List.of(jp), List.of(100_000_001L)), 422,
                "issuance_quantity_limit_exceeded");
        String request = LedgerApi.request(project, 2031, 100_000_000);
        LedgerApi.issueOn("JPN01", project, 2031, request, List.of(jp), List.of(100_000_000L))
                .then().body("events[1].blocks[0].quantity", equalTo(100_000_000));
    }
}
