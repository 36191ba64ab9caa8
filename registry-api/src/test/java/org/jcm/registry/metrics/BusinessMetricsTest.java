package org.jcm.registry.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.Metrics;
import org.jcm.testsupport.MetricsDocs;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Drives issuance, transfers, a cancellation, a retirement, a corresponding adjustment, a pended
 * transfer, an open proposal and a refused transfer through the API, and reads the exact increments
 * of the business metrics on the management port's {@code /q/metrics} (docs/operations.md,
 * "Business metrics").
 */
@QuarkusTest
class BusinessMetricsTest {

    private static final String ISSUED = "jcm_units_total{operation=\"issued\",party=\"MNG\",vintage=\"2024\"}";
    private static final String TRANSFERRED = "jcm_units_total{operation=\"transferred\",party=\"MNG\",vintage=\"2024\"}";
    private static final String CANCELLED = "jcm_units_total{operation=\"cancelled\",party=\"MNG\",vintage=\"2024\"}";
    private static final String RETIRED = "jcm_units_total{operation=\"retired\",party=\"MNG\",vintage=\"2024\"}";
    private static final String ADJUSTMENTS = "jcm_corresponding_adjustments_total{party=\"MNG\"}";
    private static final String ACTIVE = "jcm_ledger_units{status=\"ACTIVE\"}";
    private static final String UNITS_CANCELLED = "jcm_ledger_units{status=\"CANCELLED\"}";
    private static final String UNITS_RETIRED = "jcm_ledger_units{status=\"RETIRED\"}";
    private static final String AWAITING = "jcm_pending_transfers{status=\"AWAITING_APPROVAL\"}";
    private static final String OPEN_AUTHORIZATIONS = "jcm_open_proposals{kind=\"AUTHORIZATION\"}";
    private static final List<String> SERIES = List.of(ISSUED, TRANSFERRED, CANCELLED, RETIRED, ADJUSTMENTS, ACTIVE,
            UNITS_CANCELLED, UNITS_RETIRED, AWAITING, OPEN_AUTHORIZATIONS);

    @Test
    void committed_operations_count_exactly_once_and_refused_ones_not_at_all() throws Exception {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String[] cautious = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MN", List.of(seller[0], cautious[0]));
        Map<String, Double> before = read();
        // Every write below is an MNG issuance or moves its units; other Parties' series are not read.

        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1], cautious[1]), List.of(300L, 10L));
        created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 50));
        created(TestTokens.accountHolder(seller[0]), "/api/v1/cancellations", Map.of("fromAccountId", seller[1],
                "quantity", 30, "reason", "VOLUNTARY"));
        created(TestTokens.accountHolder(seller[0]), "/api/v1/retirements", Map.of("fromAccountId", seller[1],
                "quantity", 20, "purpose", "VOLUNTARY", "beneficiary", "Metrics K.K."));
        // Refused: more units than the account holds. Nothing committed, nothing counted.
        as(TestTokens.accountHolder(seller[0])).body(LedgerApi.transfer(seller[1], buyer[1], 1_000_000)).when()
                .post("/api/v1/transfers").then().statusCode(409);
        // Pended: the cautious organization's transfer waits for a second approval; it moves no units yet.
        created(TestTokens.accountHolder(cautious[0]), "/api/v1/transfers", LedgerApi.transfer(cautious[1], buyer[1], 5))
                .then().body("events[0].type", org.hamcrest.Matchers.equalTo("TransferPended"));
        adjustAbroad(seller, buyer, LedgerApi.project("MN", List.of(seller[0])));
        // Proposed and not approved: an open proposal.
        String unauthorized = LedgerApi.issue("MNG01", LedgerApi.project("MN", List.of(cautious[0])), 2024,
                List.of(cautious[1]), List.of(5L)).path("id");
        created(TestTokens.government("MNG"), "/api/v1/authorizations", authorization(unauthorized, 5));

        Map<String, Double> expected = new LinkedHashMap<>(before);
        expected.merge(ISSUED, 310.0 + 100 + 5, Double::sum);
        expected.merge(TRANSFERRED, 50.0 + 40, Double::sum);
        expected.merge(CANCELLED, 30.0, Double::sum);
        expected.merge(RETIRED, 20.0, Double::sum);
        expected.merge(ADJUSTMENTS, 1.0, Double::sum);
        expected.merge(ACTIVE, 415.0 - 30 - 20, Double::sum);
        expected.merge(UNITS_CANCELLED, 30.0, Double::sum);
        expected.merge(UNITS_RETIRED, 20.0, Double::sum);
        expected.merge(AWAITING, 1.0, Double::sum);
        expected.merge(OPEN_AUTHORIZATIONS, 1.0, Double::sum);
        assertThat(read()).isEqualTo(expected);
    }

    @Test
    void every_jcm_metric_served_is_listed_in_the_operations_guide() throws Exception {
        assertThat(MetricsDocs.unlisted(Path.of("../docs/operations.md")))
                .as("jcm_* series on /q/metrics missing from docs/operations.md, \"What to watch\"").isEmpty();
    }

    /** Issues 100 authorized units, transfers 40 of them abroad (a first transfer) and has the host adjust for them. */
    private static void adjustAbroad(String[] seller, String[] buyer, String project) {
        String issuanceId = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L)).path("id");
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations",
                authorization(issuanceId, 100));
        int firstTransferSeq = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers", Map.of("fromAccountId",
                seller[1], "toAccountId", buyer[1], "quantity", 40, "filter", Map.of("label", "AUTHORIZED")))
                .path("events[1].seq");
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"),
                "/api/v1/corresponding-adjustments", Map.of("party", "MNG", "year", 2024, "method", "TRAJECTORY",
                        "firstTransferSeqs", List.of(firstTransferSeq)));
    }

    private static Map<String, Object> authorization(String issuanceId, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorizationId", "MNG-AUTH-" + LedgerApi.key().substring(0, 8));
        body.put("party", "MNG");
        body.put("cooperativeApproachId", "CA0001");
        body.put("purpose", "NDC");
        body.put("authorizedQuantity", quantity);
        body.put("vintages", List.of(2024));
        body.put("issuanceId", issuanceId);
        return body;
    }

    /** The series this test checks, as the management port serves them after a refresh of the gauges. */
    private static Map<String, Double> read() throws Exception {
        Arc.container().instance(BusinessMetrics.class).get().settle();
        String text = Metrics.scrape();
        Map<String, Double> values = new LinkedHashMap<>();
        for (String series : SERIES) {
            values.put(series, Metrics.series(text, series));
        }
        return values;
    }
}
