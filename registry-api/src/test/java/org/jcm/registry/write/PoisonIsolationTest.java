package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.registry.testing.LedgerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One bad command never stalls the writer: a command that cannot be encoded, or on which
 * ledger-core fails, fails alone and the rest of its batch commits; a submission whose rows
 * PostgreSQL refuses is found by splitting its batch and fails alone; none of these rebuilds the
 * state. A storage fault still does. Commands reach the writer directly, as built, so that they
 * can hold what the HTTP edge refuses.
 */
class PoisonIsolationTest {

    private static final RegistryId MNG01 = RegistryId.parse("MNG01");
    private static final Actor ADMIN = Actor.registryAdmin("admin", MNG01);
    private static WriterHarness harness;
    private static List<AccountId> accounts;
    private static int keys;
    private static final java.util.Map<String, IdempotencyKey> KEYS = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        harness = new WriterHarness("poison_isolation", 1000);
        try (LedgerFixture fixture = new LedgerFixture(harness.writer)) {
            fixture.world();
            accounts = fixture.accounts();
        }
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void a_command_whose_events_cannot_be_encoded_fails_alone_with_422_and_the_rest_of_its_batch_commits() throws Exception {
        double rebuilds = harness.rebuilds();
        double encodeFailures = harness.poison(WriterMetrics.STAGE_ENCODE);
        long before = harness.writer.committedSeq();
        List<CompletableFuture<CommandResult>> honest = new ArrayList<>();
        List<CompletableFuture<CommandResult>> poison = new ArrayList<>();
        harness.sameBatch(() -> {
            honest.add(submit(transfer(0, 2, Optional.of("honest")), key("enc-1")));
            poison.add(submit(transfer(0, 2, Optional.of("lone \ud800 surrogate")), key("enc-2")));
            honest.add(submit(transfer(2, 4, Optional.empty()), key("enc-3")));
            poison.add(submit(new LedgerWriter.Item(new RegisterOrganization(MNG01, "\udc00"), ADMIN, key("enc-4"))));
            honest.add(submit(new LedgerWriter.Item(new RegisterOrganization(MNG01, "after the poison"), ADMIN, key("enc-5"))));
        });

        for (CompletableFuture<CommandResult> p : poison) {
            assertThat(p.join()).isInstanceOfSatisfying(CommandResult.Refused.class, r -> {
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.code()).isEqualTo(LedgerWriter.UNPROCESSABLE_COMMAND);
                assertThat(r.detail()).contains("unpaired surrogate").doesNotContain("\ud800").doesNotContain("\udc00");
            });
        }
        long events = 0;
        for (CompletableFuture<CommandResult> h : honest) {
            CommandResult result = h.join();
            assertThat(result).isInstanceOf(CommandResult.Accepted.class);
            events += ((CommandResult.Accepted) result).events().size();
        }
        assertThat(harness.writer.committedSeq()).isEqualTo(before + WriterHarness.HOLDING_EVENTS + events);
        assertThat(harness.rebuilds()).isEqualTo(rebuilds);
        assertThat(harness.poison(WriterMetrics.STAGE_ENCODE)).isEqualTo(encodeFailures + 2);
        harness.verified();
        // Nothing was recorded for the poison's key: the same key with a proper request is a new request.
        assertThat(submit(transfer(0, 2, Optional.of("corrected")), key("enc-2")).join()).isInstanceOf(CommandResult.Accepted.class);
    }

    @Test
    void a_defect_of_ledger_core_in_the_decision_or_the_fold_fails_that_command_alone_with_500() throws Exception {
        double rebuilds = harness.rebuilds();
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        harness.sameBatch(() -> {
            results.add(submit(organization("before the defects")));
            results.add(submit(organization(WriterHarness.DEFECT_IN_DECIDE)));
            results.add(submit(organization(WriterHarness.DEFECT_IN_FOLD)));
            results.add(submit(organization("after the defects")));
        });

        assertThat(results.get(1).join()).isInstanceOfSatisfying(CommandResult.Failed.class,
                f -> assertThat(f.detail()).contains("Quote reference"));
        assertThat(results.get(2).join()).isInstanceOf(CommandResult.Failed.class);
        long first = number(results.get(0).join());
        // The fold that failed had taken the next organization number; the undo gave it back.
        assertThat(number(results.get(3).join())).isEqualTo(first + 1);
        assertThat(harness.rebuilds()).isEqualTo(rebuilds);
        assertThat(harness.poison(WriterMetrics.STAGE_DECIDE)).isGreaterThanOrEqualTo(1);
        assertThat(harness.poison(WriterMetrics.STAGE_FOLD)).isGreaterThanOrEqualTo(1);
        harness.verified();
        assertThat(number(submit(organization("later")).join())).isEqualTo(first + 2);
    }

    @Test
    void an_idempotency_key_too_large_for_the_index_is_found_by_splitting_the_batch_and_refused_alone() throws Exception {
        double rebuilds = harness.rebuilds();
        double splits = harness.splits();
        long before = harness.writer.committedSeq();
        List<CompletableFuture<CommandResult>> honest = new ArrayList<>();
        List<CompletableFuture<BatchOutcome>> batches = new ArrayList<>();
        // PostgreSQL cannot index a key this long (a btree entry is at most 2,704 bytes): SQLSTATE 54000.
        String huge = "collide-" + randomText(8_000);
        harness.sameBatch(() -> {
            for (int i = 0; i < 5; i++) {
                honest.add(submit(transfer(4, 6, Optional.empty()), key("split-a" + i)));
            }
            batches.add(harness.writer.submit(List.of(
                    new LedgerWriter.Item(transfer(6, 8, Optional.empty()), holder(6), key("collide-item")),
                    new LedgerWriter.Item(transfer(6, 8, Optional.empty()), holder(6), key(huge))),
                    key("collide-batch"), holder(6), Runnable::run));
            batches.add(harness.writer.submit(List.of(
                    new LedgerWriter.Item(transfer(8, 10, Optional.empty()), holder(8), key("honest-batch-item"))),
                    key("honest-batch"), holder(8), Runnable::run));
            for (int i = 0; i < 5; i++) {
                honest.add(submit(transfer(4, 6, Optional.empty()), key("split-b" + i)));
            }
        });

        assertThat(batches.get(0).join()).isInstanceOfSatisfying(BatchOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo(LedgerWriter.UNPROCESSABLE_COMMAND);
            assertThat(r.detail()).contains("54000");
        });
        assertThat(batches.get(1).join()).isInstanceOfSatisfying(BatchOutcome.Items.class,
                items -> assertThat(items.results()).singleElement().isInstanceOf(CommandResult.Accepted.class));
        long events = 1;
        for (CompletableFuture<CommandResult> h : honest) {
            assertThat(h.join()).isInstanceOf(CommandResult.Accepted.class);
            events++;
        }
        assertThat(harness.writer.committedSeq()).isEqualTo(before + WriterHarness.HOLDING_EVENTS + events);
        assertThat(harness.splits()).isGreaterThan(splits);
        assertThat(harness.rebuilds()).isEqualTo(rebuilds);
        harness.verified();
        assertThat(storedKeys("collide-%")).isZero();
        assertThat(storedKeys("split-%")).isEqualTo(10);
        // The honest keys are remembered: a retry is a replay and appends nothing.
        CommandResult retry = submit(transfer(4, 6, Optional.empty()), key("split-a0")).join();
        assertThat(retry).isInstanceOf(CommandResult.Replayed.class);
        assertThat(harness.writer.committedSeq()).isEqualTo(before + WriterHarness.HOLDING_EVENTS + events);
    }

    @Test
    void a_transfer_batch_whose_key_is_also_an_item_key_is_refused_before_it_costs_a_commit() throws Exception {
        double splits = harness.splits();
        double store = harness.poison(WriterMetrics.STAGE_STORE);
        IdempotencyKey shared = key("same-key-batch");
        BatchOutcome outcome = harness.writer.submit(List.of(
                new LedgerWriter.Item(transfer(6, 8, Optional.empty()), holder(6), new IdempotencyKey(shared.subjectKey(), hash(99)))),
                shared, holder(6), Runnable::run).join();

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.detail()).contains("also the key of one of its items");
        });
        assertThat(harness.splits()).isEqualTo(splits);
        assertThat(harness.poison(WriterMetrics.STAGE_STORE)).isEqualTo(store + 1);
        assertThat(storedKeys("same-key-batch")).isZero();
    }

    @Test
    void an_idempotency_key_that_postgresql_cannot_store_is_refused_alone() throws Exception {
        double rebuilds = harness.rebuilds();
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        harness.sameBatch(() -> {
            results.add(submit(transfer(10, 12, Optional.empty()), key("nul-before")));
            results.add(submit(transfer(10, 12, Optional.empty()), key("nul\u0000key")));
            results.add(submit(transfer(10, 12, Optional.empty()), key("nul-after")));
        });

        assertThat(results.get(1).join()).isInstanceOfSatisfying(CommandResult.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.detail()).contains("a NUL character");
        });
        assertThat(results.get(0).join()).isInstanceOf(CommandResult.Accepted.class);
        assertThat(results.get(2).join()).isInstanceOf(CommandResult.Accepted.class);
        assertThat(harness.rebuilds()).isEqualTo(rebuilds);
        harness.verified();
    }

    @Test
    void a_storage_fault_is_still_answered_503_and_rebuilds_the_state() throws Exception {
        double rebuilds = harness.rebuilds();
        try (Connection other = harness.connect(); Statement kill = other.createStatement()) {
            other.setAutoCommit(true);
            kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'registry-api ledger writer' AND datname = current_database()"
                    + " AND pid <> pg_backend_pid()");
        }
        CommandResult lost = submit(organization("after the connection was lost")).join();
        assertThat(lost).isInstanceOfSatisfying(CommandResult.Unavailable.class,
                u -> assertThat(u.code()).isEqualTo(LedgerWriter.LEDGER_UNAVAILABLE));
        assertThat(harness.meters.get("jcm.writer.rebuilds").tag("reason", "commit_failed").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(harness.rebuilds()).isEqualTo(rebuilds + 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> harness.writer.status() == WriterStatus.ACTIVE);
        assertThat(submit(organization("after the rebuild")).join()).isInstanceOf(CommandResult.Accepted.class);
        harness.verified();
    }

    // ------------------------------------------------------------------ helpers

    private static TransferCredits transfer(int from, int to, Optional<String> memo) {
        return new TransferCredits(accounts.get(from), accounts.get(to), Quantity.of(1), List.of(), Optional.empty(),
                Optional.empty(), memo);
    }

    /** The world's account holder of account {@code index} (see {@link LedgerFixture#accounts()}). */
    private static Actor holder(int index) {
        RegistryId registry = index % 2 == 0 ? RegistryId.parse("JPN01") : MNG01;
        return Actor.accountHolder("holder", OrganizationId.of(registry, index / 2 + 1));
    }

    private static LedgerWriter.Item organization(String name) {
        return new LedgerWriter.Item(new RegisterOrganization(MNG01, name), ADMIN, null);
    }

    private static CompletableFuture<CommandResult> submit(TransferCredits transfer, IdempotencyKey key) {
        int from = accounts.indexOf(transfer.fromAccountId());
        return submit(new LedgerWriter.Item(transfer, holder(from), key));
    }

    private static CompletableFuture<CommandResult> submit(LedgerWriter.Item item) {
        return harness.writer.submit(item, Runnable::run);
    }

    /** The key of that name (the same request hash every time it is asked for). */
    private static IdempotencyKey key(String key) {
        return KEYS.computeIfAbsent(key, k -> new IdempotencyKey(new SubjectKey("holder", k), hash(++keys)));
    }

    private static byte[] hash(int n) {
        byte[] hash = new byte[32];
        hash[0] = (byte) n;
        hash[1] = (byte) (n >> 8);
        return hash;
    }

    private static String randomText(int length) {
        java.util.Random random = new java.util.Random(length);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static long number(CommandResult result) {
        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        return ((OrganizationRegistered) ((CommandResult.Accepted) result).events().get(0)).organizationId().number();
    }

    private static long storedKeys(String pattern) throws Exception {
        try (Connection c = harness.connect();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM idempotency WHERE key LIKE ?")) {
            count.setString(1, pattern);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                long n = rows.getLong(1);
                c.commit();
                return n;
            }
        }
    }
}
