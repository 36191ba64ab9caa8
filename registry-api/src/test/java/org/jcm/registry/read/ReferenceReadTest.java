package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.junit.jupiter.api.Test;

/** Tests the public reference lists: every Party by alpha-3 code, every hosted registry by id, from the committed tables. */
@QuarkusTest
class ReferenceReadTest {

    @Test
    void the_parties_are_listed_by_alpha_3_code_with_every_field() {
        List<Map<String, Object>> parties = given().when().get("/api/v1/parties").then().statusCode(200)
                .contentType("application/json").extract().path("items");
        // Tests register Parties of their own with ISO 3166's user-assigned codes (X..): not the reference's.
        assertThat(parties).filteredOn(p -> !((String) p.get("code")).startsWith("X")).hasSize(52);
        assertThat(parties).extracting(p -> (String) p.get("code")).isSorted().doesNotHaveDuplicates();
        assertThat(parties).filteredOn(p -> p.get("code").equals("MNG")).singleElement().isEqualTo(Map.of(
                "code", "MNG", "iso2", "MN", "name", "Mongolia", "jcmStatus", "PARTNER", "parisAgreementParty", true,
                "cooperativeApproachId", "CA0001", "signingDate", "2013-01-08",
                "sectoralScopes", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)));
        // No cooperative approach: the field is left out, not null.
        assertThat(parties).filteredOn(p -> p.get("code").equals("JPN")).singleElement()
                .satisfies(japan -> assertThat(japan).doesNotContainKey("cooperativeApproachId")
                        .containsEntry("jcmStatus", "JAPAN"));
    }

    @Test
    void the_registries_are_listed_by_id_as_soon_as_they_are_hosted() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        List<Map<String, Object>> registries = given().when().get("/api/v1/registries").then().statusCode(200)
                .contentType("application/json").extract().path("items");
        assertThat(registries).extracting(r -> (String) r.get("id")).isSorted().doesNotHaveDuplicates()
                .contains("JPN01", "MNG01");
        assertThat(registries).filteredOn(r -> r.get("id").equals("MNG01")).singleElement().satisfies(r -> assertThat(r)
                .containsOnlyKeys("id", "party", "name", "cancellationAccountId", "retirementAccountId")
                .containsEntry("party", "MNG")
                .containsEntry("cancellationAccountId", "MNG01-CANCELLATION")
                .containsEntry("retirementAccountId", "MNG01-RETIREMENT"));
    }
}
