package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.read.AccountReadTest.problem;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;
import static org.jcm.registry.read.ReadScenario.V;
import static org.jcm.registry.read.ReadScenario.V2;
import static org.jcm.registry.read.ReadScenario.itmo;
import static org.jcm.registry.read.ReadScenario.serial;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the public list of live blocks: each filter, their combinations, paging, and refused filters. */
@QuarkusTest
class BlockReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void blocks_of_a_project_are_listed_by_vintage_and_first_unit_with_holder_type_and_registry_only() {
        blocks(Map.of("projectId", s.p2)).statusCode(200)
                .contentType("application/json")
                .body("items.serial", contains(serial(s.p2, V, 451, 490)))
                .body("items[0].firstItmoId", equalTo(itmo(MNG01, 451, V)))
                .body("items[0].lastItmoId", equalTo(itmo(MNG01, 490, V)))
                .body("items[0].quantity", equalTo(40))
                .body("items[0].holder", equalTo(Map.of("registryId", MNG01, "accountType", "HOLDING")))
                .body("items[0]", not(hasKey("accountId")))
                .body("next", nullValue());
        blocks(Map.of("projectId", s.p1)).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 1, 100), serial(s.p1, V, 101, 110), serial(s.p1, V, 111, 120),
                        serial(s.p1, V, 121, 125), serial(s.p1, V, 126, 250), serial(s.p1, V, 251, 400),
                        serial(s.p1, V, 401, 450), serial(s.p1, V2, 1, 30)));
    }

    @Test
    void each_filter_narrows_the_list() {
        blocks(Map.of("projectId", s.p1, "vintage", V2)).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V2, 1, 30)));
        blocks(Map.of("projectId", s.p1, "status", "RETIRED")).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 121, 125)))
                .body("items[0].holder.accountType", equalTo("RETIREMENT"));
        blocks(Map.of("projectId", s.p1, "status", "CANCELLED")).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 101, 110)));
        blocks(Map.of("projectId", s.p1, "registryId", JPN01)).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 1, 100), serial(s.p1, V, 401, 450)))
                .body("items.issuingRegistryId", contains(MNG01, JPN01));
        blocks(Map.of("projectId", s.p1, "status", "ACTIVE", "label", "NONE", "registryId", MNG01)).statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 111, 120), serial(s.p1, V, 126, 250),
                        serial(s.p1, V, 251, 400), serial(s.p1, V2, 1, 30)));
        blocks(Map.of("projectId", s.p1, "label", "AUTHORIZED")).statusCode(200)
                .body("items", equalTo(List.of()))
                .body("next", nullValue());
    }

    @Test
    void a_vintage_alone_lists_that_vintage_of_every_host() {
        // Only the read scenario issues these vintages, so the list is exactly its blocks.
        assertThat(all(Map.of("vintage", V2), 1)).containsExactly(serial(s.p1, V2, 1, 30));
        assertThat(all(Map.of("vintage", V), 3)).containsExactly(serial(s.p1, V, 1, 100), serial(s.p1, V, 101, 110),
                serial(s.p1, V, 111, 120), serial(s.p1, V, 121, 125), serial(s.p1, V, 126, 250), serial(s.p1, V, 251, 400),
                serial(s.p1, V, 401, 450), serial(s.p2, V, 451, 490));
    }

    @Test
    void paging_with_any_leading_filter_returns_the_same_blocks_as_one_large_page() {
        List<Map<String, Object>> filters = List.of(Map.of("projectId", s.p1), Map.of("registryId", JPN01),
                Map.of("vintage", V), Map.of("status", "CANCELLED"), Map.of("status", "ACTIVE", "vintage", V),
                Map.of("label", "NONE", "registryId", MNG01));
        for (Map<String, Object> filter : filters) {
            List<String> onePage = all(filter, 1000);
            assertThat(all(filter, 3)).as("filter %s", filter).isEqualTo(onePage).doesNotHaveDuplicates();
        }
        // Without a filter the list holds every test's blocks, so it is read in larger pages.
        assertThat(all(Map.of(), 97)).isEqualTo(all(Map.of(), 1000)).doesNotHaveDuplicates();
    }

    @Test
    void filters_with_values_the_ledger_does_not_have_are_400_naming_the_filter() {
        Map<String, String> bad = Map.of("vintage", "abc", "status", "FROZEN", "label", "GREEN", "projectId", "mn001",
                "registryId", "JP1");
        bad.forEach((name, value) -> problem(blocks(Map.of(name, value)), 400, "invalid_query_parameter")
                .body("errors[0].field", equalTo(name)));
        problem(blocks(Map.of("vintage", "2012")), 400, "invalid_query_parameter");
        problem(blocks(Map.of("colour", "green")), 400, "invalid_query_parameter").body("errors[0].field", equalTo("colour"));
    }

    @Test
    void bad_paging_is_400() {
        problem(blocks(Map.of("limit", "1001")), 400, "invalid_limit");
        String holdingsCursor = given().auth().oauth2(org.jcm.testsupport.TestTokens.accountHolder(s.orgA))
                .queryParam("limit", 1).when().get("/api/v1/accounts/" + s.a1 + "/holdings").then().extract().path("next");
        problem(blocks(Map.of("after", holdingsCursor)), 400, "invalid_cursor");
    }

    private static io.restassured.response.ValidatableResponse blocks(Map<String, ?> query) {
        return given().queryParams(query).when().get("/api/v1/blocks").then();
    }

    /** The serials of every block matching {@code filter}, read {@code limit} at a time. */
    private static List<String> all(Map<String, Object> filter, int limit) {
        List<String> serials = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = given().queryParams(filter).queryParam("limit", limit);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get("/api/v1/blocks").then().statusCode(200).extract();
            serials.addAll(page.path("items.serial"));
            after = page.path("next");
        } while (after != null);
        return serials;
    }
}
