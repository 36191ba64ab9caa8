package org.jcm.registry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;

/**
 * The ledger history the read tests look at, made once per test JVM through the real mutation API.
 * It uses vintages no other test issues ({@value #V} and {@value #V2}, host Mongolia), so every
 * unit number below is exact. What happens, in order:
 *
 * <pre>
 * 1. issue P1 V on request R1 (450 verified): MNG01 issues A1 250 (1-250), B1 150 (251-400);
 *    JPN01 issues its share, J1 50 (401-450), on the same request
 * 2. issue P2 V : A1 40 (451-490)
 * 3. issue P1 V2: A1 30 (1-30)
 * 4. transfer A1 -> J1 100 : P1 V 1-100 leaves Mongolia's registry for Japan's
 * 5. transfer A1 -> B1 20  : P1 V 101-120
 * 6. cancel B1 10 VOLUNTARY: P1 V 101-110 go to MNG01-CANCELLATION
 * 7. retire A1 5 VOLUNTARY for "Example Manufacturing K.K.": P1 V 121-125 go to MNG01-RETIREMENT
 * </pre>
 *
 * Afterwards A1 holds P1 V 126-250, P2 V 451-490 and P1 V2 1-30; B1 holds P1 V 111-120 and
 * 251-400; J1 holds P1 V 1-100 (issued by MNG01) and 401-450 (issued by JPN01).
 *
 * <p>Article 6.2, with accounts of their own (C1 of organization C in Mongolia, J2 of organization J)
 * and vintage {@value #V3}, which lies in an NDC period so that it can be adjusted:
 *
 * <pre>
 * 8.  issue P3 V3: C1 100 (1-100)
 * 9.  Mongolia authorizes the issuance for NDC use                  -> 1-100 COMMITTED
 * 10. transfer C1 -> J2 40, serial P3 V3 1-40: first transfer to Japan -> 1-40 PENDING
 * 11. Mongolia applies the corresponding adjustment for V3 to 1-40   -> 1-40 APPLIED
 * </pre>
 */
final class ReadScenario {

    static final int V = 2071;
    static final int V2 = 2072;
    static final int V3 = 2033;
    static final String MNG01 = "MNG01";
    static final String JPN01 = "JPN01";

    private static ReadScenario instance;

    /** Organization A (Mongolia), project participant, and its account. */
    final String orgA;
    final String a1;
    /** Organization B (Mongolia) and its account. */
    final String orgB;
    final String b1;
    /** Organization J (Japan) and its account. */
    final String orgJ;
    final String j1;
    final String p1;
    final String p2;
    /** The seq of each event of steps 1 to 7, and of the openings of A1 and B1. */
    final long a1Opened;
    final long b1Opened;
    final long issuedP1;
    /** Japan's share of step 1, and the request both shares answer. */
    final long issuedP1Japan;
    final String requestP1;
    final long issuedP2;
    final long issuedP1V2;
    /**
     * The seqs of the proposals of steps 1, 2 and 3 ({@code ProposalMade}): each issuance is proposed
     * by one administrator and approved by another, and an account's transactions list the proposal
     * of an issuance into it as well.
     */
    final long proposedP1;
    final long proposedP2;
    final long proposedP1V2;
    final long toJapan;
    final long toB;
    final long cancelled;
    final long retired;
    /** Article 6.2: organization C and its account, J2 of organization J, project P3 and its events. */
    final String orgC;
    final String c1;
    final String j2;
    final String p3;
    final String authorizationId;
    final long issuedP3;
    final long authorized;
    final long toJapanAuthorized;
    final long firstTransfer;
    final long adjusted;

    private ReadScenario() {
        LedgerApi.registry(MNG01);
        LedgerApi.registry(JPN01);
        orgA = LedgerApi.organization(MNG01);
        LedgerApi.openTransfers(orgA);
        Response openedA = openAccount(orgA);
        a1 = openedA.path("id");
        a1Opened = seq(openedA);
        orgB = LedgerApi.organization(MNG01);
        Response openedB = openAccount(orgB);
        b1 = openedB.path("id");
        b1Opened = seq(openedB);
        orgJ = LedgerApi.organization(JPN01);
        j1 = LedgerApi.account(orgJ);
        p1 = LedgerApi.project("MN", List.of(orgA));
        p2 = LedgerApi.project("MN", List.of(orgA, orgB));

        requestP1 = LedgerApi.request(p1, V, 450);
        LedgerApi.decide(requestP1, LedgerApi.share(MNG01, V, List.of(a1, b1), List.of(250L, 150L)),
                LedgerApi.share(JPN01, V, List.of(j1), List.of(50L)));
        Response proposal = LedgerApi.created(TestTokens.registryAdmin(MNG01), "/api/v1/issuances",
                LedgerApi.issuance(p1, V, requestP1, List.of(a1, b1), List.of(250L, 150L)));
        proposedP1 = seq(proposal);
        Response first = LedgerApi.approve(TestTokens.registryApprover(MNG01), proposal.path("id"));
        assertThat(first.<String>path("events[1].blocks[0].serial"))
                .as("the read tests need vintage %d of Mongolia to themselves; another test issued it first", V)
                .isEqualTo(serial(p1, V, 1, 250));
        issuedP1 = seq(first);
        Response japanShare = LedgerApi.issueOn(JPN01, p1, V, requestP1, List.of(j1), List.of(50L));
        assertThat(japanShare.<String>path("events[1].blocks[0].serial")).isEqualTo(serial(p1, V, 401, 450));
        issuedP1Japan = seq(japanShare);
        proposal = LedgerApi.created(TestTokens.registryAdmin(MNG01), "/api/v1/issuances",
                LedgerApi.issuance(p2, V, LedgerApi.decided(MNG01, p2, V, List.of(a1), List.of(40L)), List.of(a1), List.of(40L)));
        proposedP2 = seq(proposal);
        issuedP2 = seq(LedgerApi.approve(TestTokens.registryApprover(MNG01), proposal.path("id")));
        proposal = LedgerApi.created(TestTokens.registryAdmin(MNG01), "/api/v1/issuances",
                LedgerApi.issuance(p1, V2, LedgerApi.decided(MNG01, p1, V2, List.of(a1), List.of(30L)), List.of(a1), List.of(30L)));
        proposedP1V2 = seq(proposal);
        Response third = LedgerApi.approve(TestTokens.registryApprover(MNG01), proposal.path("id"));
        assertThat(third.<String>path("events[1].blocks[0].serial")).isEqualTo(serial(p1, V2, 1, 30));
        issuedP1V2 = seq(third);
        toJapan = seq(LedgerApi.created(TestTokens.accountHolder(orgA), "/api/v1/transfers", LedgerApi.transfer(a1, j1, 100)));
        toB = seq(LedgerApi.created(TestTokens.accountHolder(orgA), "/api/v1/transfers", LedgerApi.transfer(a1, b1, 20)));
        cancelled = seq(LedgerApi.created(TestTokens.accountHolder(orgB), "/api/v1/cancellations",
                Map.of("fromAccountId", b1, "quantity", 10, "reason", "VOLUNTARY", "note", "Offsetting our 2071 travel")));
        retired = seq(LedgerApi.created(TestTokens.accountHolder(orgA), "/api/v1/retirements",
                Map.of("fromAccountId", a1, "quantity", 5, "purpose", "VOLUNTARY",
                        "beneficiary", "Example Manufacturing K.K.", "note", "FY2071 disclosure")));

        orgC = LedgerApi.organization(MNG01);
        LedgerApi.openTransfers(orgC);
        c1 = LedgerApi.account(orgC);
        j2 = LedgerApi.account(orgJ);
        p3 = LedgerApi.project("MN", List.of(orgC));
        Response article6 = LedgerApi.issue(MNG01, p3, V3, List.of(c1), List.of(100L));
        assertThat(article6.<String>path("events[1].blocks[0].serial"))
                .as("the read tests need vintage %d of Mongolia to themselves; another test issued it first", V3)
                .isEqualTo(serial(p3, V3, 1, 100));
        issuedP3 = seq(article6);
        authorizationId = "MNG-AUTH-" + p3;
        String mongolia = TestTokens.government("MNG");
        authorized = seq(LedgerApi.approved(mongolia, TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", authorizationId,
                "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC", "issuanceId", article6.path("id"))));
        Response international = LedgerApi.created(TestTokens.accountHolder(orgC), "/api/v1/transfers", Map.of(
                "fromAccountId", c1, "toAccountId", j2, "quantity", 40, "serialRanges", List.of(serial(p3, V3, 1, 40))));
        toJapanAuthorized = seq(international);
        assertThat(international.<String>path("events[1].type")).isEqualTo("FirstTransferRecorded");
        firstTransfer = international.<Number>path("events[1].seq").longValue();
        adjusted = seq(LedgerApi.approved(mongolia, TestTokens.governmentApprover("MNG"), "/api/v1/corresponding-adjustments", Map.of("party", "MNG", "year", V3,
                "method", "TRAJECTORY", "firstTransferSeqs", List.of(firstTransfer))));
    }

    /** The scenario, made on first use. */
    static synchronized ReadScenario get() {
        if (instance == null) {
            instance = new ReadScenario();
        }
        return instance;
    }

    /** {@code JCM-{project}-{vintage}-{first}-{last}}. */
    static String serial(String project, int vintage, long first, long last) {
        return "JCM-" + project + "-" + vintage + "-" + first + "-" + last;
    }

    /** The ITMO id of a Mongolian unit: Mongolia's cooperative approach is CA0001 in the reference data. */
    static String itmo(String issuingRegistry, long unit, int vintage) {
        return "CA0001-" + issuingRegistry + "-MNG-" + unit + "-" + vintage;
    }

    /** The seq of the mutation's first event; of an approval, the approved action's first event (after ProposalApproved). */
    private static long seq(Response mutation) {
        int first = "ProposalApproved".equals(mutation.path("events[0].type")) ? 1 : 0;
        return mutation.<Number>path("events[" + first + "].seq").longValue();
    }

    private static Response openAccount(String organizationId) {
        return LedgerApi.created(TestTokens.registryAdmin(MNG01), "/api/v1/accounts",
                Map.of("organizationId", organizationId, "name", "Treasury of " + organizationId));
    }
}
