package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the writer on its own (no HTTP) on a database of its own, with a tiny queue and a tiny
 * memory of keys: a full queue answers writer_overloaded at once, and keys the writer forgot are
 * looked up in PostgreSQL again for submissions checked before they were forgotten.
 */
class LedgerWriterTest {

    private static final Actor ADMIN = Actor.registryAdmin("admin", RegistryId.parse("MNG01"));
    private static LedgerWriter writer;

    @BeforeAll
    static void start() {
        PostgresDatabase database = MigratedDatabase.create("writer_test").service();
        LedgerStore store = new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT);
        List<Party> parties = List.of(
                new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true, Optional.empty()),
                new Party("MN", PartyCode.parse("MNG"), "Mongolia", JcmStatus.PARTNER, true,
                        Optional.of(CooperativeApproachId.parse("CA0001")), Optional.of(LocalDate.of(2013, 1, 8)), Set.of()));
        writer = new LedgerWriter(new TestWriterConfig(10, 3, 2, 4242), store, Clock.systemUTC(), new SimpleMeterRegistry(), () -> parties);
        writer.start();
        assertThat(writer.awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.ACTIVE);
        CommandResult registry = writer.submit(new LedgerWriter.Item(new RegisterRegistry(RegistryId.parse("MNG01"), "Mongolia"),
                Actor.operator("op"), null), Runnable::run).join();
        assertThat(registry).isInstanceOf(CommandResult.Accepted.class);
    }

    @AfterAll
    static void stop() {
        writer.stop();
    }

    @Test
    void a_full_queue_answers_writer_overloaded_at_once_instead_of_waiting() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CommitListener blocker = batch -> {
            committing.countDown();
            await(release);
        };
        writer.addCommitListener(blocker);
        try {
            CompletableFuture<CommandResult> first = writer.submit(organization("first", null), Runnable::run);
            assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();
            // The writer is held inside its commit; three commands fill the queue of three.
            List<CompletableFuture<CommandResult>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(writer.submit(organization("queued " + i, null), Runnable::run));
            }
            CommandResult refused = writer.submit(organization("one too many", null), Runnable::run)
                    .get(5, TimeUnit.SECONDS);
            assertThat(refused).isEqualTo(new CommandResult.Unavailable(LedgerWriter.WRITER_OVERLOADED,
                    "The ledger writer has 3 commands waiting; retry shortly."));
            writer.removeCommitListener(blocker);
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Accepted.class);
            for (CompletableFuture<CommandResult> q : queued) {
                assertThat(q.get(30, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Accepted.class);
            }
        } finally {
            writer.removeCommitListener(blocker);
            release.countDown();
        }
    }

    @Test
    void a_key_the_writer_forgot_is_looked_up_in_postgresql() {
        IdempotencyKey key = key("remembered-then-forgotten", 1);
        CommandResult original = writer.submit(organization("original", key), Runnable::run).join();
        assertThat(original).isInstanceOf(CommandResult.Accepted.class);
        long seq = ((CommandResult.Accepted) original).events().get(0).seq();
        // Two more keys push it out of a memory of two.
        for (int i = 0; i < 2; i++) {
            writer.submit(organization("filler " + i, key("filler-" + i + "-" + seq, 1)), Runnable::run).join();
        }
        long head = writer.committedSeq();

        CommandResult retry = writer.submit(organization("original", key), Runnable::run).join();
        assertThat(retry).isInstanceOfSatisfying(CommandResult.Replayed.class,
                r -> assertThat(r.outcome().firstSeq()).isEqualTo(seq));
        CommandResult reuse = writer.submit(organization("another", key("remembered-then-forgotten", 2)),
                Runnable::run).join();
        assertThat(reuse).isInstanceOf(CommandResult.KeyReused.class);
        assertThat(writer.committedSeq()).isEqualTo(head);
    }

    @Test
    void a_retried_transfer_batch_answers_each_items_earlier_result_from_memory_and_from_postgresql() {
        IdempotencyKey batchKey = key("batch-retried", 5);
        List<LedgerWriter.Item> items = List.of(organization("batch item 1", key("batch-item-1", 1)),
                organization("batch item 2", key("batch-item-2", 1)));
        BatchOutcome first = writer.submit(items, batchKey, ADMIN, Runnable::run).join();
        List<Long> seqs = new ArrayList<>();
        assertThat(first).isInstanceOfSatisfying(BatchOutcome.Items.class, i -> i.results().forEach(r -> {
            assertThat(r).isInstanceOf(CommandResult.Accepted.class);
            seqs.add(((CommandResult.Accepted) r).events().get(0).seq());
        }));
        long head = writer.committedSeq();

        // A memory of two keys holds the second item's key and the batch's; the first item's is read back.
        assertThat(replayedSeqs(writer.submit(items, batchKey, ADMIN, Runnable::run).join())).isEqualTo(seqs);
        for (int i = 0; i < 2; i++) {
            writer.submit(organization("batch filler " + i, key("batch-filler-" + i + "-" + head, 1)), Runnable::run).join();
        }
        long afterFillers = writer.committedSeq();
        // Now every key of the batch is read back from PostgreSQL.
        assertThat(replayedSeqs(writer.submit(items, batchKey, ADMIN, Runnable::run).join())).isEqualTo(seqs);
        assertThat(writer.submit(items.subList(0, 1), key("batch-retried", 6), ADMIN, Runnable::run).join())
                .isInstanceOf(BatchOutcome.KeyReused.class);
        assertThat(writer.committedSeq()).isEqualTo(afterFillers);
    }

    private static List<Long> replayedSeqs(BatchOutcome outcome) {
        assertThat(outcome).isInstanceOf(BatchOutcome.Items.class);
        List<Long> seqs = new ArrayList<>();
        for (CommandResult r : ((BatchOutcome.Items) outcome).results()) {
            assertThat(r).isInstanceOf(CommandResult.Replayed.class);
            seqs.add(((CommandResult.Replayed) r).outcome().firstSeq());
        }
        return seqs;
    }

    @Test
    void the_same_key_twice_in_one_batch_gets_the_very_same_result() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CommitListener blocker = batch -> {
            committing.countDown();
            await(release);
        };
        writer.addCommitListener(blocker);
        CompletableFuture<CommandResult> a;
        CompletableFuture<CommandResult> b;
        try {
            writer.submit(organization("holding the writer", null), Runnable::run);
            assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();
            IdempotencyKey key = key("twice-in-a-batch", 7);
            a = writer.submit(organization("twice", key), Runnable::run);
            b = writer.submit(organization("twice", key), Runnable::run);
        } finally {
            writer.removeCommitListener(blocker);
            release.countDown();
        }
        assertThat(a.get(30, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Accepted.class).isSameAs(b.get(30, TimeUnit.SECONDS));
    }

    @Test
    void a_replay_by_the_same_subject_with_another_scope_is_forbidden_from_memory_and_from_postgresql() {
        IdempotencyKey key = key("replayed-with-another-scope", 3);
        Actor otherScope = Actor.registryAdmin("admin", RegistryId.parse("JPN01"));
        LedgerWriter.Item original = organization("scoped", key);
        LedgerWriter.Item elsewhere = new LedgerWriter.Item(original.command(), otherScope, key);
        assertThat(writer.submit(original, Runnable::run).join()).isInstanceOf(CommandResult.Accepted.class);
        long head = writer.committedSeq();

        CommandResult fromMemory = writer.submit(elsewhere, Runnable::run).join();
        assertThat(fromMemory).isEqualTo(new CommandResult.Refused(403, "forbidden", LedgerWriter.REPLAY_FORBIDDEN));
        for (int i = 0; i < 2; i++) {
            writer.submit(organization("scope filler " + i, key("scope-filler-" + i + "-" + head, 1)),
                    Runnable::run).join();
        }
        CommandResult fromPostgresql = writer.submit(elsewhere, Runnable::run).join();
        assertThat(fromPostgresql).isEqualTo(fromMemory);
        assertThat(writer.submit(original, Runnable::run).join()).isInstanceOf(CommandResult.Replayed.class);

        IdempotencyKey batchKey = key("batch-replayed-with-another-scope", 4);
        assertThat(writer.submit(List.of(), batchKey, ADMIN, Runnable::run).join())
                .isInstanceOf(BatchOutcome.Items.class);
        assertThat(writer.submit(List.of(), batchKey, otherScope, Runnable::run).join())
                .isEqualTo(new BatchOutcome.Refused(403, "forbidden", LedgerWriter.REPLAY_FORBIDDEN));
    }

    private static LedgerWriter.Item organization(String name, IdempotencyKey key) {
        return new LedgerWriter.Item(new RegisterOrganization(RegistryId.parse("MNG01"), name), ADMIN, key);
    }

    private static IdempotencyKey key(String key, int hash) {
        byte[] requestHash = new byte[32];
        requestHash[0] = (byte) hash;
        return new IdempotencyKey(new SubjectKey("admin", key), requestHash);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
