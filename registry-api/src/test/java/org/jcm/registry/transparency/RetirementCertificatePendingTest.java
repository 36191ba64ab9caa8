package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.jcm.registry.transparency.CheckpointReadTest.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A retirement that no signed checkpoint covers yet has no certificate: 409
 * {@code retirement_not_yet_checkpointed} with {@code Retry-After}, the time within which the next
 * checkpoint is signed ({@code jcm.checkpoint.every}). On a ledger of its own whose checkpoints are
 * due only after an hour or 100,000 entries, so that none is signed while the test runs.
 */
@QuarkusTest
@TestProfile(RetirementCertificatePendingTest.HourlyCheckpoints.class)
class RetirementCertificatePendingTest {

    /** Checkpoints every hour (or 100,000 entries), on a database and topics of their own. */
    public static class HourlyCheckpoints implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(LedgerStreamProfile.datasource("certificate_pending"));
            config.put("jcm.outbox.topic", "certificate-pending-test.events");
            config.put("jcm.checkpoint.topic", "certificate-pending-test.checkpoints");
            config.put("jcm.checkpoint.cosignature-topic", "certificate-pending-test.cosignatures");
            config.put("jcm.checkpoint.every-entries", "100000");
            config.put("jcm.checkpoint.every", "PT1H");
            return config;
        }
    }

    @Test
    void a_retirement_before_its_checkpoint_is_409_with_retry_after_the_checkpoint_interval() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(100L));
        long seq = ((Number) LedgerApi.created(TestTokens.accountHolder(holder[0]), "/api/v1/retirements", Map.of(
                "fromAccountId", holder[1], "quantity", 10, "purpose", "VOLUNTARY", "beneficiary", "Pending test"))
                .path("events[0].seq")).longValue();
        problem(given().get("/api/v1/ledger/checkpoints/latest"), 404, "checkpoint_not_found");

        for (String accept : List.of("application/json", "text/html")) {
            problem(given().auth().oauth2(TestTokens.accountHolder(holder[0])).accept(accept)
                    .get("/api/v1/retirements/" + seq + "/certificate"), 409, "retirement_not_yet_checkpointed")
                    .header("Retry-After", "3600");
        }
        // Who may read it and whether the seq is a retirement's are decided before the checkpoint.
        problem(given().auth().oauth2(TestTokens.accountHolder(LedgerApi.openHolder("MNG01")[0]))
                .get("/api/v1/retirements/" + seq + "/certificate"), 403, "forbidden_scope");
        problem(given().auth().oauth2(TestTokens.auditor()).get("/api/v1/retirements/" + (seq - 1) + "/certificate"), 404,
                "retirement_not_found");
    }
}
