package org.jcm.bench.inproc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.outbox.OutboxPublisher;
import org.jcm.registry.outbox.OutboxSettings;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.registry.write.WriterConfig;
import org.jcm.registry.write.WriterStatus;

/**
 * Measures the ledger stream end to end (a tool, not a test): drives the real single writer
 * ({@link LedgerWriter}, called directly because the REST mutation endpoints are not there yet)
 * with a steady rate of transfers, publishes with the real {@link OutboxPublisher} woken by the
 * writer's commit listener, consumes the topic, and records with HdrHistogram the lag from each
 * event's COMMIT to the moment a consumer has read it. Then it stops the broker for a while under
 * the same write load, restarts it, and measures how long the backlog takes to drain.
 *
 * <p>Everything runs on this machine: an embedded PostgreSQL 17 and an embedded Kafka broker.
 * Run it as docs/performance.md ("Ledger stream") says; arguments: transfers per second,
 * measured seconds, outage seconds (defaults 1000, 60, 60).
 */
public final class LedgerStreamBench {

    private static final String TOPIC = "jcm.ledger.events";
    private static final int ACCOUNTS = 200;
    private static final int BLOCKS_PER_ACCOUNT = 50;
    private static final int UNITS_PER_BLOCK = 10;
    private static final int MAX_EVENTS = 4_000_000;
    private static final RegistryId JPN01 = new RegistryId("JPN01");
    private static final RegistryId MNG01 = new RegistryId("MNG01");

    private final AtomicLongArray commitNanos = new AtomicLongArray(MAX_EVENTS);
    private final AtomicLong consumedThrough = new AtomicLong();
    private final AtomicLong committedThrough = new AtomicLong();
    private volatile Histogram recording;
    private volatile boolean consuming = true;

    private LedgerStreamBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int outageSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        new LedgerStreamBench().run(rate, seconds, outageSeconds);
        System.exit(0);
    }

    private void run(int rate, int seconds, int outageSeconds) throws Exception {
        PostgresDatabase database = RegistrySchema.create("stream_bench").service();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
            LedgerWriter writer = new LedgerWriter(writerConfig(),
                    new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT),
                    Clock.systemUTC(), new SimpleMeterRegistry(), List::of);
            writer.addCommitListener(batch -> {
                long now = System.nanoTime();
                for (long seq = batch.fromSeq(); seq <= batch.toSeq() && seq < MAX_EVENTS; seq++) {
                    commitNanos.set((int) seq, now);
                }
                committedThrough.set(batch.toSeq());
            });
            writer.start();
            if (writer.awaitStarted(Duration.ofMinutes(2)) != WriterStatus.ACTIVE) {
                throw new IllegalStateException("the writer did not start: " + writer.statusDetail());
            }
            List<AccountId> accounts = setUp(writer);
            log("world ready: %d events, %d accounts with %d blocks each", writer.committedSeq(), ACCOUNTS, BLOCKS_PER_ACCOUNT);

            OutboxPublisher publisher = new OutboxPublisher(OutboxSettings.defaults(TOPIC),
                    () -> java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()),
                    Map.of("bootstrap.servers", broker.bootstrapServers()));
            writer.addCommitListener(batch -> publisher.committed(batch.toSeq()));
            publisher.start();
            Thread consumer = new Thread(() -> consume(broker.bootstrapServers()), "bench-consumer");
            consumer.start();
            awaitConsumed(writer.committedSeq(), Duration.ofMinutes(2));

            Load load = new Load(writer, accounts, rate);
            load.start();
            Thread.sleep(10_000); // warm-up: JIT, connection pools, producer batching
            recording = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            long firstMeasured = committedThrough.get() + 1;
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            Histogram steady = recording;
            recording = null;
            long lastMeasured = committedThrough.get();
            report("steady", rate, seconds, steady, lastMeasured - firstMeasured + 1, load);

            if (outageSeconds > 0) {
                broker.stop();
                long stoppedAt = System.nanoTime();
                log("broker stopped at seq %d; writing on for %d s", committedThrough.get(), outageSeconds);
                Thread.sleep(TimeUnit.SECONDS.toMillis(outageSeconds));
                long backlogHead = committedThrough.get();
                long consumedBefore = consumedThrough.get();
                broker.restart();
                long restartedAt = System.nanoTime();
                log("broker restarted after %.1f s; backlog: events %d..%d", (restartedAt - stoppedAt) / 1e9,
                        consumedBefore + 1, backlogHead);
                awaitConsumed(backlogHead, Duration.ofMinutes(10));
                double catchUpSeconds = (System.nanoTime() - restartedAt) / 1e9;
                double outage = (restartedAt - stoppedAt) / 1e9;
                log("RESULT outage: %.1f s of outage, %d events of backlog published and consumed %.2f s after the restart"
                        + " (%.1fx real time) while writing continued at %d transfers/s", outage, backlogHead - consumedBefore,
                        catchUpSeconds, outage / catchUpSeconds, rate);
            }
            load.stop();
            awaitConsumed(committedThrough.get(), Duration.ofMinutes(5));
            log("RESULT publisher status at the end: %s", publisher.status());
            consuming = false;
            consumer.join();
            publisher.close();
            writer.stop();
        }
    }

    private void report(String phase, int rate, int seconds, Histogram h, long events, Load load) {
        log("RESULT %s: %d transfers/s offered for %d s, %d events committed (%.0f/s), %d refused; commit-to-consumer lag:"
                        + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms over %d events",
                phase, rate, seconds, events, events / (double) seconds, load.refused.get(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    /** Reads the topic from the start, keeps the first record of each seq, and records its lag while measuring. */
    private void consume(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        // The outbox writes one transaction per batch; only committed batches are the ledger.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (consuming) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    long seq = Long.parseLong(new String(record.headers().lastHeader("seq").value(), StandardCharsets.US_ASCII));
                    if (seq <= consumedThrough.get()) {
                        continue; // a duplicate: consumers dedupe by seq
                    }
                    if (seq != consumedThrough.get() + 1) {
                        throw new IllegalStateException("gap: seq " + seq + " after " + consumedThrough.get());
                    }
                    consumedThrough.set(seq);
                    Histogram h = recording;
                    long committed = seq < MAX_EVENTS ? commitNanos.get((int) seq) : 0;
                    if (h != null && committed != 0) {
                        h.recordValue(Math.max(0, (now - committed) / 1000));
                    }
                }
            }
        }
    }

    private void awaitConsumed(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumedThrough.get() < seq) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer stuck at " + consumedThrough.get() + ", waiting for " + seq);
            }
            Thread.sleep(5);
        }
    }

    /** Submits transfers at a steady rate, each as its own command (as separate REST requests would). */
    private static final class Load {
        private final LedgerWriter writer;
        private final List<AccountId> accounts;
        private final int rate;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final SplittableRandom random = new SplittableRandom(7);
        private final AtomicLong refused = new AtomicLong();
        private long sent;
        private long startNanos;

        Load(LedgerWriter writer, List<AccountId> accounts, int rate) {
            this.writer = writer;
            this.accounts = accounts;
            this.rate = rate;
        }

        void start() {
            startNanos = System.nanoTime();
            ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            // Catch up to where a perfectly steady sender would be, so a late tick does not lower the rate.
            long due = (System.nanoTime() - startNanos) * rate / 1_000_000_000L;
            while (sent < due) {
                int from = (int) (sent % accounts.size());
                int to = random.nextInt(accounts.size() - 1);
                to = to >= from ? to + 1 : to;
                long quantity = random.nextInt(20) == 0 ? UNITS_PER_BLOCK / 2 : UNITS_PER_BLOCK;
                CompletableFuture<CommandResult> result = writer.submit(new LedgerWriter.Item(
                        TransferCredits.of(accounts.get(from), accounts.get(to), quantity), holder(from), null), Runnable::run);
                result.thenAccept(r -> {
                    if (!(r instanceof CommandResult.Accepted)) {
                        refused.incrementAndGet();
                    }
                });
                sent++;
            }
        }

        void stop() throws InterruptedException {
            ticker.shutdown();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    static Actor holder(int account) {
        RegistryId registry = account % 2 == 0 ? JPN01 : MNG01;
        return Actor.accountHolder("holder", OrganizationId.of(registry, account / 2 + 1));
    }

    /**
     * Japan and Mongolia, their registries, the accounts (each organization's transfer policy with
     * no approval and no delay: every transfer executes at once) and their units (each issuance
     * proposed by one administrator and approved by a second one), through the writer.
     */
    static List<AccountId> setUp(LedgerWriter writer) throws Exception {
        Actor operator = Actor.operator("bench");
        PartyCode mng = new PartyCode("MNG");
        submit(writer, operator, new RegisterParty(new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true,
                Optional.empty())));
        submit(writer, operator, new RegisterParty(new Party("MN", mng, "Mongolia", JcmStatus.PARTNER, true,
                Optional.of(new CooperativeApproachId("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)), Set.of(LedgerRoute.SCOPE))));
        submit(writer, operator, new RegisterRegistry(JPN01, "Japan"));
        submit(writer, operator, new RegisterRegistry(MNG01, "Mongolia"));
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            RegistryId registry = i % 2 == 0 ? JPN01 : MNG01;
            Actor admin = Actor.registryAdmin("admin", registry);
            submit(writer, admin, new RegisterOrganization(registry, "Org " + i));
            submit(writer, admin, new OpenAccount(OrganizationId.of(registry, i / 2 + 1), "Account " + i));
            submit(writer, admin, new SetTransferPolicy(OrganizationId.of(registry, i / 2 + 1), Optional.empty(), false,
                    Duration.ZERO));
            accounts.add(AccountId.holding(registry, i / 2 + 1));
        }
        // The projects go through the JCM project cycle: Mongolia's approved methodology, two entities,
        // then the application route for each project (docs/project-cycle.md).
        LedgerRoute route = new LedgerRoute((actor, command) -> submit(writer, actor, command), mng, "MN");
        route.reference(operator);
        OrganizationId representative = OrganizationId.of(MNG01, 1);
        ProjectId[] projects = new ProjectId[10];
        for (int p = 0; p < projects.length; p++) {
            projects[p] = route.project(representative, "Project " + p);
        }
        // An issuance allocates to at most 100 accounts, so each round takes one decision per 100 accounts:
        // a monitoring cycle of one day (periods of a project must not overlap) verified, requested and
        // decided with a share for each registry, which each side then issues into its own registry.
        Actor mngAdmin = Actor.registryAdmin("admin", MNG01);
        Actor jpnAdmin = Actor.registryAdmin("admin", JPN01);
        int issuance = 0;
        for (int round = 0; round < BLOCKS_PER_ACCOUNT; round++) {
            for (int start = 0; start < accounts.size(); start += 100) {
                List<AccountId> chunk = accounts.subList(start, Math.min(accounts.size(), start + 100));
                ProjectId project = projects[issuance % projects.length];
                LocalDate day = LocalDate.of(2021, 1, 1).plusDays(issuance / projects.length);
                Vintage vintage = Vintage.of(day.getYear());
                Map<RegistryId, List<Allocation>> shares = new LinkedHashMap<>();
                for (AccountId account : chunk) {
                    shares.computeIfAbsent(account.registryId(), r -> new ArrayList<>())
                            .add(new Allocation(account, Quantity.of(UNITS_PER_BLOCK)));
                }
                List<DecidedShare> decided = new ArrayList<>();
                shares.forEach((registry, allocations) -> decided.add(new DecidedShare(registry, mng, vintage, allocations)));
                IssuanceRequestId request = route.decided(project, representative, day, day, decided);
                for (DecidedShare share : decided) {
                    approved(writer, share.registryId().equals(MNG01) ? mngAdmin : jpnAdmin, new IssueCredits(
                            new IssuanceId("I" + issuance + "-" + share.registryId()), project, day, day, vintage,
                            Quantity.of(share.total()), share.allocations(), request));
                }
                issuance++;
            }
        }
        return accounts;
    }

    /** Proposes the action as {@code proposer} and approves it as a second subject of the same role and scope. */
    private static void approved(LedgerWriter writer, Actor proposer, ProposableAction action) throws Exception {
        ProposalMade proposal = (ProposalMade) submit(writer, proposer, new ProposeAction(action)).get(0);
        submit(writer, new Actor(proposer.role(), "approver", proposer.scope()), new ApproveProposal(proposal.proposalId()));
    }

    private static List<LedgerEvent> submit(LedgerWriter writer, Actor actor, Command command) throws Exception {
        CommandResult result = writer.submit(new LedgerWriter.Item(command, actor, null), Runnable::run)
                .get(1, TimeUnit.MINUTES);
        if (!(result instanceof CommandResult.Accepted accepted)) {
            throw new IllegalStateException(command + " was not accepted: " + result);
        }
        return accepted.events();
    }

    static WriterConfig writerConfig() {
        return new WriterConfig() {
            @Override public boolean enabled() { return true; }
            @Override public int maxBatchSize() { return 1000; }
            @Override public int queueCapacity() { return 20_000; }
            @Override public int retryAfterSeconds() { return 1; }
            @Override public int recentKeys() { return 200_000; }
            @Override public long lockKey() { return 7403412906152219L; }
            @Override public Duration lockRetryInterval() { return Duration.ofSeconds(5); }
            @Override public boolean verifyBlocks() { return true; }
            @Override public Duration commitTimeout() { return Duration.ofSeconds(30); }
            @Override public boolean bootstrapParties() { return false; }
            @Override public Duration dueCheckInterval() { return Duration.ofSeconds(1); }
            @Override public Duration selfCheckInterval() { return Duration.ofSeconds(30); }
        };
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
