package org.jcm.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The paths around the project cycle's route are gone from the API: a registry administrator
 * cannot register a project alone ({@code POST /projects}), and an account holder cannot request
 * issuance without a verified monitoring cycle ({@code POST /issuance-requests}). Both answer 405
 * to the callers who once used them, and write nothing; the reads on the same paths stay (the
 * projects, and a holder's own issuance requests).
 */
@QuarkusTest
class RetiredEndpointsTest {

    @Test
    void a_registry_administrator_cannot_register_a_project_alone_and_nothing_is_written() {
        LedgerApi.registry("MNG01");
        String organization = LedgerApi.organization("MNG01");
        long head = LedgerProbe.headSeq();

        Response answer = LedgerApi.as(TestTokens.registryAdmin("MNG01")).body(Map.of("projectId", "MN990", "title",
                "Registered alone", "methodologyId", "MN_AM001", "registryId", "MNG01", "participants", List.of(organization)))
                .when().post("/api/v1/projects");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        assertThat(LedgerApi.as(TestTokens.registryAdmin("MNG01")).when().get("/api/v1/projects").statusCode()).isEqualTo(200);
    }

    @Test
    void a_participant_cannot_request_issuance_outside_a_monitoring_cycle_and_nothing_is_written() {
        LedgerApi.registry("MNG01");
        String[] participant = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MN", List.of(participant[0]));
        long head = LedgerProbe.headSeq();

        Response answer = LedgerApi.as(TestTokens.accountHolder(participant[0])).body(Map.of("projectId", project,
                "monitoringPeriodStart", "2024-01-01", "monitoringPeriodEnd", "2024-12-31", "verifiedQuantity", 100,
                "verificationReference", "VR-unverified")).when().post("/api/v1/issuance-requests");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        assertThat(LedgerApi.as(TestTokens.accountHolder(participant[0])).queryParam("mine", "true").when()
                .get("/api/v1/issuance-requests").statusCode()).isEqualTo(200);
    }
}
