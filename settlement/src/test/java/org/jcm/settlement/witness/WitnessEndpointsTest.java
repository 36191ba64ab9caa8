package org.jcm.settlement.witness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The witness's public reads and the operator's alarm clear, through the real API. */
@QuarkusTest
class WitnessEndpointsTest {

    @Test
    void the_key_is_public_and_is_a_cosignature_key_of_the_witness_name() {
        String key = given().when().get("/api/v1/witness/key").then().statusCode(200)
                .body("name", equalTo("jcm.local/witness")).extract().jsonPath().getString("verifierKey");

        NoteKeys.Verifier verifier = NoteKeys.verifier(key);
        assertThat(verifier.algorithm()).isEqualTo(NoteKeys.COSIGNATURE_V1);
        assertThat(verifier.name()).isEqualTo("jcm.local/witness");
    }

    @Test
    void a_tree_size_that_is_not_a_positive_decimal_is_a_400_and_an_unknown_one_a_404() {
        for (String bad : new String[] {"0", "-1", "007", "abc", "1e3", "99999999999999999999"}) {
            given().when().get("/api/v1/witness/checkpoints/" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid_parameter"));
        }
        given().when().get("/api/v1/witness/checkpoints/9223372036854775807").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("checkpoint_not_found"));
    }

    @Test
    void the_status_is_public_and_shows_the_witness_tree() {
        given().when().get("/api/v1/witness/status").then().statusCode(200)
                .body("status", equalTo("OK")).body("tree.rootHash.size()", equalTo(44));
    }

    @Test
    void only_the_operator_clears_the_alarm() {
        given().when().post("/api/v1/admin/witness/alarm/clear").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.exchange("WITX")).when().post("/api/v1/admin/witness/alarm/clear").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/admin/witness/alarm/clear").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/witness/alarm/clear").then()
                .statusCode(200).body("status", equalTo("OK"));
    }
}
