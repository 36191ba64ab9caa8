package org.jcm.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.jcm.cli.Jcm;
import org.jcm.client.JcmClient;
import org.jcm.client.JcmProblem;
import org.jcm.client.Pages;
import org.jcm.client.registry.api.AccountsApi;
import org.jcm.client.registry.api.TransfersCancellationsAndRetirementsApi;
import org.jcm.client.registry.model.MutationResponse;
import org.jcm.client.registry.model.TransferRequest;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The client suite (docs/client.md): jcm-client and the jcm command against the real service, on
 * embedded PostgreSQL and Kafka: holdings, transfer, retire, cancel, pending approvals, a CSV
 * report and ledger verification; a write repeated with its Idempotency-Key applies once; a refused
 * write is a typed problem and exit code 3.
 */
@QuarkusTest
class ClientSuiteTest {

    /** One run of the jcm command: its exit code and what it wrote. */
    record Run(int exit, String out, String err) {
    }

    private String sellerOrg;
    private String seller;
    private String buyer;
    private String project;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] sellerHolder = LedgerApi.openHolder("MNG01");
        sellerOrg = sellerHolder[0];
        seller = sellerHolder[1];
        buyer = LedgerApi.openHolder("JPN01")[1];
        project = LedgerApi.project("MN", List.of(sellerOrg));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller), List.of(100L));
    }

    private static URI url() {
        return URI.create("http://localhost:" + RestAssured.port);
    }

    private static Run jcm(String token, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Jcm.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--url", url().toString(), "--token", token));
        all.addAll(List.of(args));
        return new Run(line.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    private JcmClient holderClient() {
        return JcmClient.builder(url()).token(() -> TestTokens.accountHolder(sellerOrg)).build();
    }

    private long held(String account) {
        AccountsApi api = new AccountsApi(holderClient().registry());
        return Pages.items(after -> JcmClient.call(() -> api.listAccountHoldings(account, after, "1")),
                page -> page.getItems(), page -> page.getNext()).mapToLong(b -> b.getQuantity()).sum();
    }

    @Test
    void holdings_transfer_retire_and_cancel_through_the_cli() {
        String holder = TestTokens.accountHolder(sellerOrg);
        Run holdings = jcm(holder, "holdings", seller);
        assertThat(holdings.exit()).isEqualTo(Jcm.OK);
        assertThat(holdings.out()).contains(project).contains("\t2024\t100");

        assertThat(jcm(holder, "transfer", "--from", seller, "--to", buyer, "--quantity", "10").exit()).isEqualTo(Jcm.OK);
        assertThat(jcm(holder, "retire", "--from", seller, "--quantity", "5", "--beneficiary", "Example Steel Co.")
                .exit()).isEqualTo(Jcm.OK);
        assertThat(jcm(holder, "cancel", "--from", seller, "--quantity", "3").exit()).isEqualTo(Jcm.OK);
        assertThat(held(seller)).isEqualTo(82);

        Run csv = jcm(holder, "holdings", "--csv", seller);
        assertThat(csv.exit()).isEqualTo(Jcm.OK);
        String header = csv.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("serial");
        assertThat(csv.out().lines().filter(header::equals)).hasSize(1);
        assertThat(csv.out()).contains(project);
    }

    @Test
    void a_transfer_under_the_default_policy_waits_in_pending() {
        String[] source = LedgerApi.holder("MNG01");
        LedgerApi.created(TestTokens.accountHolder(sellerOrg), "/api/v1/transfers", LedgerApi.transfer(seller, source[1], 4));
        String holder = TestTokens.accountHolder(source[0]);
        Run transfer = jcm(holder, "transfer", "--from", source[1], "--to", buyer, "--quantity", "2");
        assertThat(transfer.exit()).as(transfer.err()).isEqualTo(Jcm.OK);
        String pendingId = transfer.out().substring(0, transfer.out().indexOf(':'));

        Run pending = jcm(holder, "pending", "--account", source[1]);
        assertThat(pending.exit()).as(pending.err()).isEqualTo(Jcm.OK);
        assertThat(pending.out()).contains(pendingId + "\t" + source[1] + "\t" + buyer + "\t2\ttrue");

        Run approve = jcm(TestTokens.accountHolderApprover(source[0]), "pending", "--approve", pendingId);
        assertThat(approve.exit()).as(approve.err()).isEqualTo(Jcm.OK);
        assertThat(jcm(holder, "pending", "--account", source[1]).out()).doesNotContain(pendingId);
    }

    @Test
    void a_four_eyes_proposal_waits_in_pending_proposals() {
        String proposal = LedgerApi.created(TestTokens.registryAdmin("MNG01"), "/api/v1/accounts/" + seller + "/freeze",
                java.util.Map.of()).path("id");
        Run proposals = jcm(TestTokens.registryApprover("MNG01"), "pending", "--proposals");
        assertThat(proposals.exit()).as(proposals.err()).isEqualTo(Jcm.OK);
        assertThat(proposals.out()).contains(proposal + "\tFREEZE\tadmin@");
    }

    @Test
    void a_write_repeated_with_its_idempotency_key_applies_once() {
        TransfersCancellationsAndRetirementsApi api = new TransfersCancellationsAndRetirementsApi(holderClient().registry());
        TransferRequest request = new TransferRequest().fromAccountId(seller).toAccountId(buyer).quantity(7L);
        String key = JcmClient.newIdempotencyKey();
        MutationResponse first = JcmClient.call(() -> api.transfer(key, request));
        MutationResponse again = JcmClient.call(() -> api.transfer(key, request));
        assertThat(again.getEvents()).extracting(e -> e.getSeq())
                .containsExactlyElementsOf(first.getEvents().stream().map(e -> e.getSeq()).toList());

        String holder = TestTokens.accountHolder(sellerOrg);
        String cliKey = JcmClient.newIdempotencyKey();
        Run once = jcm(holder, "retire", "--from", seller, "--quantity", "1", "--idempotency-key", cliKey);
        Run twice = jcm(holder, "retire", "--from", seller, "--quantity", "1", "--idempotency-key", cliKey);
        assertThat(twice.exit()).isEqualTo(Jcm.OK);
        assertThat(twice.out()).isEqualTo(once.out());
        assertThat(held(seller)).isEqualTo(92);
    }

    @Test
    void a_refused_write_is_a_typed_problem_and_exit_code_3() {
        TransfersCancellationsAndRetirementsApi api = new TransfersCancellationsAndRetirementsApi(holderClient().registry());
        TransferRequest tooMany = new TransferRequest().fromAccountId(seller).toAccountId(buyer).quantity(1_000L);
        assertThatThrownBy(() -> JcmClient.idempotent(key -> api.transfer(key, tooMany)))
                .isInstanceOfSatisfying(JcmProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("insufficient_units");
                    assertThat(p.status()).isBetween(400, 499);
                });

        Run refused = jcm(TestTokens.accountHolder(sellerOrg), "retire", "--from", seller, "--quantity", "1000");
        assertThat(refused.exit()).isEqualTo(Jcm.REFUSED);
        assertThat(refused.err()).contains("insufficient_units").contains("Idempotency-Key");
        assertThat(held(seller)).isEqualTo(100);
    }

    @Test
    void a_report_comes_as_csv() {
        Run summary = jcm(TestTokens.accountHolder(sellerOrg), "report", "--no-progress", "summary");
        assertThat(summary.exit()).isEqualTo(Jcm.OK);
        assertThat(summary.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).contains(","));
        assertThat(summary.out()).contains("MNG").contains("2024");
    }

    @Test
    void the_downloaded_ledger_verifies_and_a_saved_checkpoint_is_extended_consistently(@TempDir Path dir) {
        Path saved = dir.resolve("last.note");
        Run first = jcm(TestTokens.auditor(), "verify", "--no-progress", "--limit", "50", "--save", saved.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isEqualTo(Jcm.OK);
        assertThat(first.out()).startsWith("OK: chain intact through seq ").contains("OK: checkpoint ");
        long savedSize = treeSize();

        LedgerApi.created(TestTokens.accountHolder(sellerOrg), "/api/v1/transfers", LedgerApi.transfer(seller, buyer, 1));
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> treeSize() > savedSize);
        Run second = jcm(TestTokens.auditor(), "verify", "--no-progress", "--since", saved.toString());
        assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(Jcm.OK);
        assertThat(second.out()).contains("OK: saved checkpoint ").contains("consistency proof");
    }

    private static long treeSize() {
        return RestAssured.given().when().get("/api/v1/ledger/checkpoints/latest").then().statusCode(200)
                .extract().jsonPath().getLong("treeSize");
    }
}
