package org.jcm.registry.transparency;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;

/**
 * The units the transparency read tests prove, made once through the API: 1,000 units of project
 * {@code p} issued to holder A; the first 100 transferred to holder B, the next 50 retired by A,
 * and 10 of B's transferred back to A; then units of another project and vintage that move between
 * B and A thirty times (entries that touch other units, and enough of them for several checkpoints).
 */
final class ProofScenario {

    private static ProofScenario instance;

    final String orgA;
    final String accountA;
    final String orgB;
    final String accountB;
    /** Every unit issued: JCM-{p}-2024-{f}-{f+999}. */
    final String serial;
    /** The units B holds at the end: JCM-{p}-2024-{f+10}-{f+99}. */
    final String heldByB;
    final long issuedSeq;
    final long transferSeq;
    final long retirementSeq;
    final long backSeq;

    private ProofScenario() {
        LedgerApi.registry("MNG01");
        String[] a = LedgerApi.openHolder("MNG01");
        String[] b = LedgerApi.openHolder("MNG01");
        orgA = a[0];
        accountA = a[1];
        orgB = b[0];
        accountB = b[1];
        String project = LedgerApi.project("MN", List.of(orgA));
        Response issued = LedgerApi.issue("MNG01", project, 2024, List.of(accountA), List.of(1000L));
        serial = issued.path("events[1].blocks[0].serial");
        issuedSeq = seq(issued, 1);
        long first = Long.parseLong(serial.split("-")[3]);
        heldByB = "JCM-" + project + "-2024-" + (first + 10) + "-" + (first + 99);
        transferSeq = seq(LedgerApi.created(TestTokens.accountHolder(orgA), "/api/v1/transfers",
                LedgerApi.transfer(accountA, accountB, 100)), 0);
        retirementSeq = seq(LedgerApi.created(TestTokens.accountHolder(orgA), "/api/v1/retirements", Map.of(
                "fromAccountId", accountA, "quantity", 50, "purpose", "VOLUNTARY", "beneficiary", "Proof test")), 0);
        backSeq = seq(LedgerApi.created(TestTokens.accountHolder(orgB), "/api/v1/transfers",
                LedgerApi.transfer(accountB, accountA, 10)), 0);

        // Other units, of an older vintage, which B's transfers select first.
        String other = LedgerApi.project("MN", List.of(orgB));
        LedgerApi.issue("MNG01", other, 2023, List.of(accountB), List.of(500L));
        for (int i = 0; i < 30; i++) {
            LedgerApi.created(TestTokens.accountHolder(orgB), "/api/v1/transfers", LedgerApi.transfer(accountB, accountA, 1));
        }
    }

    /** The scenario, made on first use. */
    static synchronized ProofScenario get() {
        if (instance == null) {
            instance = new ProofScenario();
        }
        return instance;
    }

    private static long seq(Response response, int event) {
        return ((Number) response.path("events[" + event + "].seq")).longValue();
    }
}
