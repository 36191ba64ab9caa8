package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.api.VerificationReport;
import org.jcm.registry.verify.LedgerVerifier;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.verify.LedgerVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random poison requests mixed into honest traffic, submitted concurrently straight to the writer
 * so that they share batches (the HTTP edge, which refuses most of them first, is bypassed): every
 * honest transfer is accepted, every poison request gets its own error, the ledger verifies (the
 * service's full verifier and the writer's start-up replay), every account's balance is what the
 * honest transfers made it, each poison request is counted once at its stage, and the state is
 * never rebuilt.
 */
class PoisonTrafficTest {

    /** What one request is. */
    enum Kind {
        /** A transfer of one unit that must be accepted. */
        HONEST,
        /** A transfer batch of two such transfers, with its own key. */
        HONEST_BATCH,
        /** A transfer whose memo holds a lone UTF-16 surrogate: its event cannot be encoded (422). */
        SURROGATE_MEMO,
        /** A retirement whose beneficiary holds a lone surrogate (422). */
        SURROGATE_BENEFICIARY,
        /** An organization whose name holds a lone surrogate (422). */
        SURROGATE_NAME,
        /** A transfer by a token subject with a lone surrogate (422 before it is queued). */
        SURROGATE_SUBJECT,
        /** A transfer whose Idempotency-Key holds a NUL character, which PostgreSQL refuses (422 before it is queued). */
        NUL_KEY,
        /** A transfer batch whose own key is also its first item's key: a duplicate key (422 before it is queued). */
        BATCH_KEY_IS_ITEM_KEY,
        /** A transfer whose Idempotency-Key is too long for PostgreSQL's index (422, found by splitting its batch). */
        HUGE_KEY,
        /** An organization on which ledger-core's decision throws (500). */
        DEFECT_IN_DECIDE,
        /** An organization whose fold throws after changing the state (500). */
        DEFECT_IN_FOLD
    }

    private static final RegistryId MNG01 = RegistryId.parse("MNG01");
    /** The world's accounts that send and receive: all but the last, which is frozen. */
    private static final int SENDERS = LedgerFixture.ACCOUNTS - 1;
    private static WriterHarness harness;
    private static AgroalDataSource dataSource;
    private static List<AccountId> accounts;
    private static final Map<AccountId, Long> expected = new HashMap<>();
    private static int next;
    private static final EnumMap<Kind, Integer> sent = new EnumMap<>(Kind.class);

    @BeforeContainer
    static void start() throws Exception {
        harness = new WriterHarness("poison_traffic", 16);
        try (LedgerFixture fixture = new LedgerFixture(harness.writer)) {
            fixture.world();
            accounts = fixture.accounts();
        }
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(2).connectionFactoryConfiguration(factory -> factory.jdbcUrl(harness.database.jdbcUrl())
                        .principal(new NamePrincipal(harness.database.user()))
                        .credential(new SimplePassword(harness.database.password())))));
        LedgerState state = harness.verified();
        for (AccountId account : accounts) {
            expected.put(account, state.totalUnits(account));
        }
    }

    @AfterContainer
    static void stop() {
        System.out.println("poison traffic: requests sent by kind " + sent + "; batches split " + harness.splits());
        // Traffic that never made the writer split a batch would leave the split untested.
        assertThat(harness.splits()).isPositive();
        if (dataSource != null) {
            dataSource.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Provide
    Arbitrary<List<Kind>> traffic() {
        Arbitrary<Kind> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, Kind.HONEST), net.jqwik.api.Tuple.of(2, Kind.HONEST_BATCH),
                net.jqwik.api.Tuple.of(1, Kind.SURROGATE_MEMO), net.jqwik.api.Tuple.of(1, Kind.SURROGATE_BENEFICIARY),
                net.jqwik.api.Tuple.of(1, Kind.SURROGATE_NAME), net.jqwik.api.Tuple.of(1, Kind.SURROGATE_SUBJECT),
                net.jqwik.api.Tuple.of(1, Kind.NUL_KEY), net.jqwik.api.Tuple.of(1, Kind.BATCH_KEY_IS_ITEM_KEY),
                net.jqwik.api.Tuple.of(1, Kind.HUGE_KEY),
                net.jqwik.api.Tuple.of(1, Kind.DEFECT_IN_DECIDE), net.jqwik.api.Tuple.of(1, Kind.DEFECT_IN_FOLD));
        return kind.list().ofMinSize(10).ofMaxSize(60);
    }

    @Property(tries = 30)
    void poison_requests_fail_alone_honest_ones_commit_and_the_writer_never_rebuilds(
            @ForAll("traffic") List<Kind> traffic, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll long shuffleSeed) throws Exception {
        Map<String, Double> stagesBefore = stages();
        List<Sent> requests = new ArrayList<>();
        for (Kind kind : traffic) {
            requests.add(new Sent(kind, next++));
        }
        // The submissions of one try race each other from several threads, in a random order.
        List<Sent> order = new ArrayList<>(requests);
        Collections.shuffle(order, new Random(shuffleSeed));
        ExecutorService submitters = Executors.newFixedThreadPool(threads);
        try {
            harness.sameBatch(() -> {
                List<CompletableFuture<?>> submitted = new ArrayList<>();
                for (Sent request : order) {
                    submitted.add(CompletableFuture.runAsync(request::submit, submitters));
                }
                CompletableFuture.allOf(submitted.toArray(new CompletableFuture[0])).join();
            });
        } finally {
            submitters.shutdown();
            assertThat(submitters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        for (Sent request : requests) {
            request.check();
            sent.merge(request.kind, 1, Integer::sum);
        }
        assertThat(harness.rebuilds()).as("rebuilds").isZero();
        Map<String, Double> stagesAfter = stages();
        assertThat(stagesAfter.get(WriterMetrics.STAGE_ENCODE) - stagesBefore.get(WriterMetrics.STAGE_ENCODE))
                .isEqualTo(count(traffic, Kind.SURROGATE_MEMO, Kind.SURROGATE_BENEFICIARY, Kind.SURROGATE_NAME));
        assertThat(stagesAfter.get(WriterMetrics.STAGE_STORE) - stagesBefore.get(WriterMetrics.STAGE_STORE))
                .isEqualTo(count(traffic, Kind.SURROGATE_SUBJECT, Kind.NUL_KEY, Kind.BATCH_KEY_IS_ITEM_KEY, Kind.HUGE_KEY));
        assertThat(stagesAfter.get(WriterMetrics.STAGE_DECIDE) - stagesBefore.get(WriterMetrics.STAGE_DECIDE))
                .isEqualTo(count(traffic, Kind.DEFECT_IN_DECIDE));
        assertThat(stagesAfter.get(WriterMetrics.STAGE_FOLD) - stagesBefore.get(WriterMetrics.STAGE_FOLD))
                .isEqualTo(count(traffic, Kind.DEFECT_IN_FOLD));

        VerificationReport report;
        try (Connection connection = dataSource.getConnection()) {
            report = LedgerVerifier.verify(connection, LedgerConfig.DEFAULT);
        }
        assertThat(report.divergence()).isNull();
        assertThat(report.ok()).isTrue();
        assertThat(report.headSeq()).isEqualTo(harness.writer.committedSeq());
        LedgerState state = harness.verified();
        for (AccountId account : accounts) {
            assertThat(state.totalUnits(account)).as("units held by %s", account).isEqualTo(expected.get(account));
        }
    }

    private static double count(List<Kind> traffic, Kind... kinds) {
        return traffic.stream().filter(k -> List.of(kinds).contains(k)).count();
    }

    private static Map<String, Double> stages() {
        Map<String, Double> counts = new HashMap<>();
        for (String stage : List.of(WriterMetrics.STAGE_DECIDE, WriterMetrics.STAGE_ENCODE, WriterMetrics.STAGE_FOLD,
                WriterMetrics.STAGE_STORE)) {
            counts.put(stage, harness.poison(stage));
        }
        return counts;
    }

    /** One request of a try: what it is, what it sent and what came back. */
    private static final class Sent {
        final Kind kind;
        final int n;
        final int from;
        final int to;
        CompletableFuture<CommandResult> single;
        CompletableFuture<BatchOutcome> batch;

        Sent(Kind kind, int n) {
            this.kind = kind;
            this.n = n;
            // Round robin over the senders: each account sends about as often as it receives.
            this.from = n % SENDERS;
            this.to = (n + 1) % SENDERS;
        }

        void submit() {
            String key = "traffic-" + n;
            switch (kind) {
                case HONEST -> single = submit(transfer(from, to, Optional.of("honest " + n)), holder(from), key(key));
                case HONEST_BATCH -> batch = harness.writer.submit(List.of(
                        new LedgerWriter.Item(transfer(from, to, Optional.empty()), holder(from), key(key + "-a")),
                        new LedgerWriter.Item(transfer(to, from, Optional.empty()), holder(to), key(key + "-b"))),
                        key(key), holder(from), Runnable::run);
                case SURROGATE_MEMO -> single = submit(transfer(from, to, Optional.of("memo \ud800")), holder(from), key(key));
                case SURROGATE_BENEFICIARY -> single = submit(new RetireCredits(accounts.get(from), Quantity.of(1), List.of(),
                        Optional.empty(), RetirementPurpose.VOLUNTARY, Optional.of(new Beneficiary.Stated("\udbff beneficiary")), Optional.empty(),
                        Optional.of(Year.of(2025)), Optional.empty()), holder(from), key(key));
                case SURROGATE_NAME -> single = submit(new RegisterOrganization(MNG01, "name \udc00"), admin(), key(key));
                case SURROGATE_SUBJECT -> single = submit(transfer(from, to, Optional.empty()),
                        new Actor(holder(from).role(), "holder\ud83d", holder(from).scope()), key(key));
                case NUL_KEY -> single = submit(transfer(from, to, Optional.empty()), holder(from), key(key + "\u0000"));
                case HUGE_KEY -> single = submit(transfer(from, to, Optional.empty()), holder(from), key(key + "-" + randomText(n)));
                case BATCH_KEY_IS_ITEM_KEY -> batch = harness.writer.submit(List.of(
                        new LedgerWriter.Item(transfer(from, to, Optional.empty()), holder(from), key(key)),
                        new LedgerWriter.Item(transfer(from, to, Optional.empty()), holder(from), key(key + "-b"))),
                        new IdempotencyKey(new SubjectKey("holder", key), hash(-n - 1)), holder(from), Runnable::run);
                case DEFECT_IN_DECIDE -> single = submit(new RegisterOrganization(MNG01, WriterHarness.DEFECT_IN_DECIDE),
                        admin(), key(key));
                case DEFECT_IN_FOLD -> single = submit(new RegisterOrganization(MNG01, WriterHarness.DEFECT_IN_FOLD),
                        admin(), key(key));
                default -> throw new IllegalStateException(kind.toString());
            }
        }

        void check() {
            switch (kind) {
                case HONEST -> {
                    assertThat(single.join()).as("%s %d", kind, n).isInstanceOf(CommandResult.Accepted.class);
                    moved(from, to);
                }
                case HONEST_BATCH -> {
                    assertThat(batch.join()).as("%s %d", kind, n).isInstanceOfSatisfying(BatchOutcome.Items.class,
                            items -> assertThat(items.results()).allSatisfy(
                                    r -> assertThat(r).isInstanceOf(CommandResult.Accepted.class)));
                    moved(from, to);
                    moved(to, from);
                }
                case BATCH_KEY_IS_ITEM_KEY -> assertThat(batch.join()).as("%s %d", kind, n)
                        .isInstanceOfSatisfying(BatchOutcome.Refused.class, r -> {
                            assertThat(r.status()).isEqualTo(422);
                            assertThat(r.code()).isEqualTo(LedgerWriter.UNPROCESSABLE_COMMAND);
                        });
                case DEFECT_IN_DECIDE, DEFECT_IN_FOLD -> assertThat(single.join()).as("%s %d", kind, n)
                        .isInstanceOf(CommandResult.Failed.class);
                default -> assertThat(single.join()).as("%s %d", kind, n).isInstanceOfSatisfying(CommandResult.Refused.class,
                        r -> {
                            assertThat(r.status()).isEqualTo(422);
                            assertThat(r.code()).isEqualTo(LedgerWriter.UNPROCESSABLE_COMMAND);
                        });
            }
        }

        private static CompletableFuture<CommandResult> submit(org.jcm.ledger.command.Command command, Actor actor,
                                                               IdempotencyKey key) {
            return harness.writer.submit(new LedgerWriter.Item(command, actor, key), Runnable::run);
        }

        private void moved(int source, int destination) {
            expected.merge(accounts.get(source), -1L, Long::sum);
            expected.merge(accounts.get(destination), 1L, Long::sum);
        }
    }

    private static TransferCredits transfer(int from, int to, Optional<String> memo) {
        return new TransferCredits(accounts.get(from), accounts.get(to), Quantity.of(1), List.of(), Optional.empty(),
                Optional.empty(), memo);
    }

    /** The world's account holder of account {@code index} (see {@link LedgerFixture#accounts()}). */
    private static Actor holder(int index) {
        RegistryId registry = index % 2 == 0 ? RegistryId.parse("JPN01") : MNG01;
        return Actor.accountHolder("holder", OrganizationId.of(registry, index / 2 + 1));
    }

    private static Actor admin() {
        return Actor.registryAdmin("admin", MNG01);
    }

    /** 8,000 characters that do not compress, so that no index entry can hold them. */
    private static String randomText(int seed) {
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(8_000);
        for (int i = 0; i < 8_000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static IdempotencyKey key(String key) {
        return new IdempotencyKey(new SubjectKey("holder", key), hash(key.hashCode()));
    }

    private static byte[] hash(int n) {
        byte[] hash = new byte[32];
        hash[0] = (byte) n;
        hash[1] = (byte) (n >> 8);
        hash[2] = (byte) (n >> 16);
        hash[3] = (byte) (n >> 24);
        return hash;
    }
}
