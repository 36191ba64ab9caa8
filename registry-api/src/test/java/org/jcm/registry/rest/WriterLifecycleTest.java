package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jcm.registry.write.CommitListener;
import org.jcm.registry.write.CommittedBatch;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.WriterConfig;
import org.jcm.registry.write.WriterStatus;
import org.jcm.registry.testing.Http;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the writer's life on a real PostgreSQL: restarts between and during writes lose nothing
 * acknowledged and continue the sequence gaplessly; an instance without the advisory lock refuses
 * writes with 503 not_the_writer; a commit that fails is answered 503 and the writer rebuilds.
 */
@QuarkusTest
class WriterLifecycleTest {

    @Inject
    Ledger ledger;

    @Inject
    WriterConfig config;

    private String[] seller;
    private String[] buyer;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        seller = LedgerApi.openHolder("MNG01");
        buyer = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2025, List.of(seller[1]), List.of(10_000L));
    }

    @Test
    void a_restarted_writer_replays_the_ledger_and_continues_the_sequence_without_a_gap() throws InterruptedException {
        String key = LedgerApi.key();
        String first = transfer(key, 10).then().statusCode(201).extract().asString();
        long head = LedgerProbe.headSeq();

        ledger.restartWriter();
        // The old writer's PostgreSQL session may hold the lock a moment longer on a busy machine: the
        // new writer then starts as a standby and takes the lock at its next try.
        awaitStatus(WriterStatus.ACTIVE);

        // The retry after the restart is answered from PostgreSQL with the very same bytes.
        assertThat(transfer(key, 10).then().statusCode(201).extract().asString()).isEqualTo(first);
        // So is the same transfer as an item of a batch: recognized by its key, not applied again.
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", LedgerApi.key())
                .body(Map.of("items", List.of(Map.of("idempotencyKey", key, "fromAccountId", seller[1],
                        "toAccountId", buyer[1], "quantity", 10))))
                .when().post("/api/v1/transfer-batches").then().statusCode(200)
                .body("items[0].status", equalTo(201))
                .body("items[0].result.events[0].seq", equalTo((int) head));
        long next = transfer(LedgerApi.key(), 5).then().statusCode(201).extract().<Integer>path("events[0].seq");
        assertThat(next).isEqualTo(head + 1);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(15);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void nothing_acknowledged_is_lost_when_the_writer_restarts_during_concurrent_writes() throws Exception {
        Map<String, Http.Answer> finalAnswers = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            keys.add(LedgerApi.key());
        }
        try (Http http = new Http()) {
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                futures.add(post(http, keys.get(i)));
                if (i == 60) {
                    ledger.restartWriter();
                }
            }
            List<Http.Answer> answers = Http.all(futures);
            for (int i = 0; i < keys.size(); i++) {
                finalAnswers.put(keys.get(i), answers.get(i));
            }
            awaitStatus(WriterStatus.ACTIVE);
            // Whatever was refused as retryable is retried with its key until it is answered for good.
            for (String key : keys) {
                for (int attempt = 0; finalAnswers.get(key).status() == 503 && attempt < 50; attempt++) {
                    Thread.sleep(100);
                    finalAnswers.put(key, post(http, key).join());
                }
            }
        }
        assertThat(finalAnswers.values()).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        List<Long> seqs = new ArrayList<>();
        for (Http.Answer a : finalAnswers.values()) {
            seqs.add(JsonPath.from(a.body()).getLong("events[0].seq"));
        }
        assertThat(seqs).doesNotHaveDuplicates();
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(120);
        assertThat(LedgerProbe.longValue("SELECT count(*) FROM ledger_event WHERE type = 'CreditsTransferred'"
                + " AND event_json LIKE '%\"toAccountId\":\"" + buyer[1] + "\"%'")).isEqualTo(120);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void an_instance_without_the_writer_lock_refuses_writes_with_not_the_writer_until_it_takes_the_lock() throws Exception {
        long head = LedgerProbe.headSeq();
        try (Connection other = LedgerProbe.connect()) {
            ledger.writer().stop();
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, config.lockKey());
                lock.execute();
            }
            ledger.restartWriter();
            assertThat(ledger.writer().awaitStarted(Duration.ofSeconds(30))).isEqualTo(WriterStatus.STANDBY);

            transfer(LedgerApi.key(), 1).then()
                    .statusCode(503)
                    .contentType(equalTo("application/problem+json"))
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("not_the_writer"));
            Management.given().when().get("/q/health/ready").then().statusCode(200);
            assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        }
        // The other session is gone, and with it the lock: this instance takes over.
        awaitStatus(WriterStatus.ACTIVE);
        transfer(LedgerApi.key(), 1).then().statusCode(201).body("events[0].seq", equalTo((int) head + 1));
    }

    @Test
    void a_batch_whose_commit_fails_is_answered_ledger_unavailable_and_the_writer_rebuilds_and_goes_on() throws Exception {
        long head = LedgerProbe.headSeq();
        try (Connection admin = LedgerProbe.connect(); Statement kill = admin.createStatement();
                ResultSet killed = kill.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'registry-api ledger writer'")) {
            assertThat(killed.next()).isTrue();
        }
        String key = LedgerApi.key();
        transfer(key, 3).then()
                .statusCode(503)
                .contentType(equalTo("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("code", equalTo("ledger_unavailable"));

        awaitStatus(WriterStatus.ACTIVE);
        transfer(key, 3).then().statusCode(201).body("events[0].seq", equalTo((int) head + 1));
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(3);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void commit_listeners_hear_of_every_committed_event_in_sequence_order_before_the_client_does() {
        List<CommittedBatch> heard = new CopyOnWriteArrayList<>();
        CommitListener listener = heard::add;
        ledger.addCommitListener(listener);
        try {
            long head = LedgerProbe.headSeq();
            transfer(LedgerApi.key(), 1).then().statusCode(201).body("events[0].seq", equalTo((int) head + 1));
            assertThat(heard).as("heard before the answer").extracting(CommittedBatch::toSeq).containsExactly(head + 1);
            transfer(LedgerApi.key(), 2).then().statusCode(201).body("events[0].seq", equalTo((int) head + 2));
            List<Long> seqs = new ArrayList<>();
            for (CommittedBatch batch : heard) {
                assertThat(batch.fromSeq()).isLessThanOrEqualTo(batch.toSeq());
                for (long seq = batch.fromSeq(); seq <= batch.toSeq(); seq++) {
                    seqs.add(seq);
                }
                // Every event a listener is told of is durable, with its place in the chain.
                assertThat(LedgerProbe.longValue("SELECT count(*) FROM ledger_event WHERE seq BETWEEN " + batch.fromSeq()
                        + " AND " + batch.toSeq())).isEqualTo(batch.toSeq() - batch.fromSeq() + 1);
            }
            assertThat(seqs).containsExactly(head + 1, head + 2);
            assertThat(LedgerProbe.longValue("SELECT count(*) FROM ledger_event e JOIN ledger_event p ON p.seq = e.seq - 1"
                    + " AND p.hash = e.prev_hash WHERE e.seq = " + (head + 2))).isEqualTo(1);
        } finally {
            ledger.removeCommitListener(listener);
        }
    }

    private io.restassured.response.Response transfer(String key, long quantity) {
        return given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(seller[1], buyer[1], quantity))
                .when().post("/api/v1/transfers");
    }

    private CompletableFuture<Http.Answer> post(Http http, String key) {
        return http.post("/api/v1/transfers", TestTokens.accountHolder(seller[0]), key,
                "{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":1}");
    }

    private void awaitStatus(WriterStatus wanted) throws InterruptedException {
        for (int i = 0; i < 300 && ledger.writer().status() != wanted; i++) {
            Thread.sleep(100);
        }
        assertThat(ledger.writer().status()).isEqualTo(wanted);
    }
}
