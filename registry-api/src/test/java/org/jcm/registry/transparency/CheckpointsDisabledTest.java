package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.jcm.registry.transparency.CheckpointReadTest.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * With {@code jcm.checkpoint.enabled=false} the instance holds no log key and signs nothing: every
 * read of the transparency log is 404 {@code checkpoints_disabled}, not a 500 or an empty answer
 * that a client could take for a log without checkpoints yet. A unit's proof and a retirement's
 * certificate still check the caller's role first.
 */
@QuarkusTest
@TestProfile(TransparencyReadProfile.Disabled.class)
class CheckpointsDisabledTest {

    @Test
    void every_read_of_the_log_is_404_checkpoints_disabled() {
        for (String path : List.of("/api/v1/ledger/checkpoints/latest", "/api/v1/ledger/checkpoints/1",
                "/api/v1/ledger/checkpoints", "/api/v1/ledger/keys", "/api/v1/ledger/proofs/inclusion?seq=1&treeSize=1",
                "/api/v1/ledger/proofs/consistency?from=1&to=1")) {
            problem(given().get(path), 404, "checkpoints_disabled");
        }
        problem(given().accept("text/plain").get("/api/v1/ledger/checkpoints/latest"), 404, "checkpoints_disabled");
        problem(given().auth().oauth2(TestTokens.auditor()).get("/api/v1/units/JCM-MN001-2024-1-10/proof"), 404,
                "checkpoints_disabled");
        problem(given().auth().oauth2(TestTokens.exchange("JPX")).get("/api/v1/units/JCM-MN001-2024-1-10/proof"), 403,
                "forbidden_role");
        problem(given().get("/api/v1/units/JCM-MN001-2024-1-10/proof"), 401, "unauthorized");
        // A retirement certificate likewise, whether or not a retirement has that seq.
        problem(given().auth().oauth2(TestTokens.auditor()).get("/api/v1/retirements/1/certificate"), 404,
                "checkpoints_disabled");
        problem(given().auth().oauth2(TestTokens.exchange("JPX")).get("/api/v1/retirements/1/certificate"), 403,
                "forbidden_role");
        problem(given().get("/api/v1/retirements/1/certificate"), 401, "unauthorized");
    }
}
