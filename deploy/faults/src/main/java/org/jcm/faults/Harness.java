package org.jcm.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Runs the faults one after another under load and checks the ledger, the topic and settlement after each. */
final class Harness {

    /** How long the phases last. */
    record Timing(Duration beforeFault, Duration afterRecovery, Duration brokerDown, Duration postgresDown) {
    }

    private static final String MEMO_PREFIX = "fault-";
    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final int RETRY_THREADS = 16;

    private final FaultStack stack;
    private final Timing timing;
    private final Http http = new Http();
    private final LedgerIndex ledger = new LedgerIndex(MEMO_PREFIX);
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final LoadGenerator load;
    private final String auditor;

    Harness(FaultStack stack, Timing timing, int rate, int maxInFlight) {
        this.stack = stack;
        this.timing = timing;
        this.auditor = stack.token("JCM_TOKEN_AUDITOR");
        this.load = new LoadGenerator(http.client(), rate, maxInFlight, stack.mongolianAccount(), stack.japaneseAccount(),
                stack.token("JCM_TOKEN_GOBI_SOLAR"), stack.token("JCM_TOKEN_SAKURA_TRADING"), List.of(stack.registryUrl(0)));
    }

    List<FaultResult> run(List<Fault> faults) throws InterruptedException, IOException {
        List<FaultResult> results = new ArrayList<>();
        for (Fault fault : faults) {
            FaultResult result = run(fault);
            results.add(result);
            stack.step("Result: " + fault.id() + (result.passed() ? " passed" : " FAILED"));
            System.out.println(ResultTable.render(List.of(result)));
            result.notes().forEach(note -> System.out.println("  - " + note));
        }
        return results;
    }

    private FaultResult run(Fault fault) throws InterruptedException, IOException {
        stack.step("=== " + fault.id() + ": " + fault.description());
        List<String> notes = new ArrayList<>();
        Phase phase = new Phase(fault.id(), MEMO_PREFIX + runId + "-" + fault.ordinal() + "-");
        if (fault == Fault.WRITER_TAKEOVER && !stack.registryRunning(1)) {
            stack.startRegistry(1);
            load.targets(List.of(stack.registryUrl(0), stack.registryUrl(1)));
        }
        load.start(phase);
        Thread.sleep(timing.beforeFault().toMillis());
        if (fault == Fault.WRITER_TAKEOVER) {
            checkStandby(phase, notes);
        }
        long faultAt = System.nanoTime();
        long restartAt;
        switch (fault) {
            case REGISTRY_KILL -> {
                stack.killRegistry(0);
                restartAt = System.nanoTime();
                stack.startRegistry(0);
            }
            case BROKER_KILL -> {
                stack.killBroker();
                Thread.sleep(timing.brokerDown().toMillis());
                restartAt = System.nanoTime();
                stack.startBroker();
            }
            case POSTGRES_IMMEDIATE -> {
                stack.stopPostgresImmediately();
                Thread.sleep(timing.postgresDown().toMillis());
                restartAt = System.nanoTime();
                stack.startPostgres();
            }
            case SETTLEMENT_KILL -> {
                stack.killSettlement();
                restartAt = System.nanoTime();
                stack.startSettlement();
            }
            case WRITER_TAKEOVER -> {
                stack.killRegistry(0);
                restartAt = System.nanoTime();
            }
            default -> throw new IllegalStateException(fault.toString());
        }
        CompletableFuture<Double> caughtUp = CompletableFuture.supplyAsync(() -> awaitSettlementCaughtUp(restartAt));
        double firstAck = awaitFirstAck(phase, faultAt, Duration.ofMinutes(3));
        stack.step(fault.id() + ": first 201 to a request sent after the fault " + ResultTable.seconds(firstAck) + " after it");
        if (fault == Fault.WRITER_TAKEOVER) {
            notes.add("after the kill: instance 2 reports writer " + writerStatus(1));
            stack.startRegistry(0);
            notes.add("instance 1 restarted and reports writer " + writerStatus(0) + "; instance 2 reports " + writerStatus(1));
        }
        Thread.sleep(timing.afterRecovery().toMillis());
        load.stop(Duration.ofSeconds(60));
        if (load.skipped() > 0) {
            notes.add(load.skipped() + " load ticks not sent because " + "the in-flight limit was reached");
        }
        if (phase.pendingCount() > 0) {
            notes.add(phase.pendingCount() + " requests still unanswered 60 s after the load stopped (counted unknown)");
            phase.abandonPending(System.nanoTime());
        }
        double caughtUpSeconds = caughtUp.join();
        resolveUnknowns(phase, notes);
        readLedger();
        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), ledger.seqsByMemo(), phase);
        verdict.problems().forEach(problem -> notes.add("exactly-once: " + problem));
        boolean verifyOk = verify(notes);
        long head = ledger.head();
        TopicTally topic = readTopic(head);
        boolean topicComplete = topic.complete(head);
        notes.add("topic: " + topic.records() + " records, highest seq " + topic.maxSeq() + ", head " + head + ", missing "
                + topic.missing(head) + ", duplicate records " + topic.duplicates() + ", out of order " + topic.outOfOrder());
        topic.problems().forEach(problem -> notes.add("topic: " + problem));
        List<String> volumeDifferences = compareVolumes(head, notes);
        volumeDifferences.stream().limit(5).forEach(difference -> notes.add("volumes: " + difference));
        return new FaultResult(fault.id(), verdict, verifyOk, head, topicComplete, topic.duplicates(),
                volumeDifferences.isEmpty(), firstAck, caughtUpSeconds, notes);
    }

    /** With two instances, the second must be a standby and refuse a mutation with 503 not_the_writer. */
    private void checkStandby(Phase phase, List<String> notes) {
        notes.add("before the kill: instance 1 reports writer " + writerStatus(0) + ", instance 2 " + writerStatus(1));
        String key = phase.nextKey();
        LoadGenerator.Transfer transfer = new LoadGenerator.Transfer(stack.mongolianAccount(), stack.japaneseAccount(),
                stack.token("JCM_TOKEN_GOBI_SOLAR"));
        Http.Answer answer = http.post(stack.registryUrl(1) + "/api/v1/transfers", transfer.token(), key,
                LoadGenerator.body(transfer, key), SHORT);
        phase.record(Outcome.of(key, answer.status(), answer.status() == 201 ? Http.transferSeq(answer.json()) : 0, System.nanoTime()));
        retryBodies.put(key, transfer);
        notes.add("a transfer sent to the standby was answered " + answer.status() + " " + Http.problemCode(answer.json()).orElse(""));
    }

    private final Map<String, LoadGenerator.Transfer> retryBodies = new java.util.concurrent.ConcurrentHashMap<>();

    private String writerStatus(int instance) {
        Http.Answer answer = http.get(stack.registryManagementUrl(instance) + "/q/health/ready", null, SHORT);
        String status = Http.writerStatus(answer.json());
        return status.equals("?") ? "unknown (readiness answered " + (answer.status() == 0 ? "nothing" : answer.status()) + ")" : status;
    }

    private double awaitFirstAck(Phase phase, long faultAt, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong first = phase.firstAcknowledgedSentAfter(faultAt);
            if (first.isPresent()) {
                return (first.getAsLong() - faultAt) / 1e9;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /**
     * Seconds from the restart until settlement has applied every event the registry had
     * committed one second earlier (the load keeps going, so "no lag at all" never happens).
     */
    private double awaitSettlementCaughtUp(long restartAt) {
        List<long[]> heads = new ArrayList<>();
        long deadline = restartAt + CATCH_UP_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long head = registryHead();
                if (head >= 0) {
                    heads.add(new long[] {now, head});
                }
                long applied = settlementApplied();
                long target = -1;
                for (long[] sample : heads) {
                    if (sample[0] <= now - 1_000_000_000L) {
                        target = sample[1];
                    }
                }
                if (target >= 0 && applied >= target) {
                    return (now - restartAt) / 1e9;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private long registryHead() {
        for (int instance = 0; instance < 2; instance++) {
            if (stack.registryRunning(instance)) {
                Http.Answer answer = http.get(stack.registryUrl(instance) + "/api/v1/ledger/head", null, SHORT);
                if (answer.status() == 200 && answer.object().get("seq") instanceof Number seq) {
                    return seq.longValue();
                }
            }
        }
        return -1;
    }

    private long settlementApplied() {
        Http.Answer answer = http.get(stack.settlementUrl() + "/api/v1/status", null, SHORT);
        return answer.status() == 200 && answer.object().get("lastAppliedSeq") instanceof Number seq ? seq.longValue() : -1;
    }

    private String writerUrl() {
        for (int instance = 0; instance < 2; instance++) {
            if (stack.registryRunning(instance) && "ACTIVE".equals(writerStatus(instance))) {
                return stack.registryUrl(instance);
            }
        }
        return stack.registryUrl(0);
    }

    /**
     * For every unknown outcome: whether the ledger holds it, then the retry with the same key
     * and body, repeated while the answer is a 5xx or nothing (up to two minutes per request).
     */
    private void resolveUnknowns(Phase phase, List<String> notes) throws InterruptedException {
        List<Outcome> unknown = phase.unknown();
        if (unknown.isEmpty()) {
            return;
        }
        stack.step(phase.name() + ": resolving " + unknown.size() + " unknown outcomes by the ledger and an idempotent retry");
        readLedger();
        Map<String, List<Long>> before = Map.copyOf(ledger.seqsByMemo());
        String writer = writerUrl();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(RETRY_THREADS);
        try {
            List<java.util.concurrent.Future<?>> retries = new ArrayList<>();
            for (Outcome outcome : unknown) {
                retries.add(pool.submit(() -> {
                    retry(phase, outcome, before.containsKey(outcome.key()), writer);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> retry : retries) {
                retry.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A retry failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the request again with its key and body while the answer is a 5xx or nothing (up to two minutes). */
    private void retry(Phase phase, Outcome outcome, boolean wasIn, String writer) throws InterruptedException {
        LoadGenerator.Transfer transfer = load.transfer(outcome.key());
        if (transfer == null) {
            transfer = retryBodies.get(outcome.key());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String url = writer;
        Http.Answer answer;
        while (true) {
            answer = http.post(url + "/api/v1/transfers", transfer.token(), outcome.key(),
                    LoadGenerator.body(transfer, outcome.key()), Duration.ofSeconds(45));
            if ((answer.status() != 0 && answer.status() < 500) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
            url = writerUrl();
        }
        phase.resolve(outcome.key(), new Outcome.Resolution(wasIn, answer.status(),
                answer.status() == 201 ? Http.transferSeq(answer.json()) : 0));
    }

    /** Reads the ledger entries after the index's head, page by page, as the auditor. */
    private void readLedger() {
        while (true) {
            Http.Answer answer = http.get(writerUrl() + "/api/v1/ledger/events?limit=1000&after=" + ledger.head(), auditor,
                    Duration.ofSeconds(60));
            if (answer.status() != 200 || !(answer.object().get("items") instanceof List<?> items)) {
                throw new IllegalStateException("GET /ledger/events answered " + answer.status() + ": " + answer.body());
            }
            for (Object item : items) {
                ledger.add((Map<?, ?>) item);
            }
            if (answer.object().get("next") == null) {
                return;
            }
        }
    }

    private boolean verify(List<String> notes) {
        Http.Answer answer = http.post(writerUrl() + "/api/v1/ledger/verify", auditor, null, "", Duration.ofMinutes(5));
        boolean ok = answer.status() == 200 && Boolean.TRUE.equals(answer.object().get("ok"));
        notes.add("/ledger/verify: " + (ok ? "ok" : "answered " + answer.status() + " " + answer.body())
                + (answer.object().get("eventsChecked") instanceof Number n ? ", " + n + " events checked" : ""));
        return ok;
    }

    /** Reads the whole topic with read_committed until it holds the head (or two minutes pass). */
    private TopicTally readTopic(long head) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        TopicTally tally = new TopicTally();
        while (true) {
            tally = new TopicTally();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                TopicPartition partition = new TopicPartition(FaultStack.TOPIC, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        Header seq = record.headers().lastHeader("seq");
                        tally.add(Long.parseLong(new String(seq.value(), java.nio.charset.StandardCharsets.US_ASCII)));
                    }
                }
            }
            if (tally.maxSeq() >= head || System.nanoTime() > deadline) {
                return tally;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return tally;
            }
        }
    }

    /** Waits until settlement has applied the head, then compares its transferred volumes with the ledger's. */
    private List<String> compareVolumes(long head, List<String> notes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long applied;
        while ((applied = settlementApplied()) < head && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        if (applied < head) {
            notes.add("settlement applied only up to seq " + applied + " of " + head + " within two minutes");
        }
        List<Object> items = new ArrayList<>();
        String after = "";
        while (true) {
            Http.Answer answer = http.get(stack.settlementUrl() + "/api/v1/feeds/volumes?limit=1000"
                    + (after.isEmpty() ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8)),
                    null, SHORT);
            if (answer.status() != 200 || !(answer.object().get("items") instanceof List<?> page)) {
                return List.of("GET /feeds/volumes answered " + answer.status() + ": " + answer.body());
            }
            items.addAll(page);
            if (!(answer.object().get("next") instanceof String next)) {
                break;
            }
            after = next;
        }
        Map<String, Long> settlement = VolumeComparison.settlementTotals(items);
        notes.add("volumes: registry " + ledger.transferredByPartyDay() + ", settlement " + settlement);
        return VolumeComparison.differences(ledger.transferredByPartyDay(), settlement);
    }
}
