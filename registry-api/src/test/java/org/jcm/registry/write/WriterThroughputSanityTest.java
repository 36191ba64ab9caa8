package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.testing.Http;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick sanity measurement of transfers per second, end to end over HTTP (one transfer per
 * request, many in flight) and through the batch endpoint. Not a benchmark and never an
 * assertion on time: run it with {@code -Djcm.perf=true} and read the log.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "jcm.perf", matches = "true")
class WriterThroughputSanityTest {

    private static final Logger LOG = Logger.getLogger(WriterThroughputSanityTest.class);
    private static final int ACCOUNTS = 50;

    @Inject
    Ledger ledger;

    @Test
    void transfers_per_second_over_http() throws Exception {
        LedgerApi.registry("MNG01");
        List<String[]> holders = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            holders.add(LedgerApi.openHolder("MNG01"));
        }
        String project = LedgerApi.project("MN", holders.stream().map(h -> h[0]).limit(100).toList());
        LedgerApi.issue("MNG01", project, 2024, holders.stream().map(h -> h[1]).toList(),
                holders.stream().map(h -> 1_000_000L).toList());

        java.util.Map<String, String> tokens = new java.util.HashMap<>();
        for (String[] h : holders) {
            tokens.put(h[0], TestTokens.accountHolder(h[0]));
        }
        directThroughput(holders);

        int total = Integer.getInteger("jcm.perf.transfers", 20_000);
        int inFlight = Integer.getInteger("jcm.perf.inflight", 128);
        long started;
        int accepted = 0;
        try (Http http = new Http()) {
            warmUp(http, holders);
            Semaphore window = new Semaphore(inFlight);
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>(total);
            started = System.nanoTime();
            for (int i = 0; i < total; i++) {
                String[] from = holders.get(i % ACCOUNTS);
                String[] to = holders.get((i * 7 + 3) % ACCOUNTS);
                if (from == to) {
                    to = holders.get((i + 1) % ACCOUNTS);
                }
                window.acquire();
                futures.add(http.post("/api/v1/transfers", tokens.get(from[0]), LedgerApi.key(),
                        "{\"fromAccountId\":\"" + from[1] + "\",\"toAccountId\":\"" + to[1] + "\",\"quantity\":1}")
                        .whenComplete((a, e) -> window.release()));
            }
            for (Http.Answer a : Http.all(futures)) {
                accepted += a.status() == 201 ? 1 : 0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("SANITY single transfers: %d accepted of %d in %.2f s = %.0f transfers/s (%d in flight)",
                accepted, total, seconds, total / seconds, inFlight);

        int batches = Integer.getInteger("jcm.perf.batches", 16);
        long batchStarted = System.nanoTime();
        int batchAccepted = 0;
        double batchSeconds;
        try (Http http = new Http()) {
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                String[] from = holders.get(b % ACCOUNTS);
                StringBuilder body = new StringBuilder("{\"items\":[");
                for (int i = 0; i < 1000; i++) {
                    String[] to = holders.get((b + i + 1) % ACCOUNTS);
                    if (to == from) {
                        to = holders.get((b + i + 2) % ACCOUNTS);
                    }
                    body.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"").append(LedgerApi.key())
                            .append("\",\"fromAccountId\":\"").append(from[1]).append("\",\"toAccountId\":\"").append(to[1])
                            .append("\",\"quantity\":1}");
                }
                body.append("]}");
                futures.add(http.post("/api/v1/transfer-batches", tokens.get(from[0]), LedgerApi.key(),
                        body.toString()));
            }
            List<Http.Answer> answers = Http.all(futures);
            batchSeconds = (System.nanoTime() - batchStarted) / 1e9;
            for (Http.Answer a : answers) {
                batchAccepted += a.status() == 200 ? io.restassured.path.json.JsonPath.from(a.body())
                        .getList("items.findAll { it.status == 201 }").size() : 0;
            }
        }
        LOG.infof("SANITY batched transfers: %d accepted in %d batches of 1000 in %.2f s = %.0f transfers/s",
                batchAccepted, batches, batchSeconds, batchAccepted / batchSeconds);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    /** The writer alone, without HTTP: commands submitted straight to it. */
    private void directThroughput(List<String[]> holders) {
        int total = Integer.getInteger("jcm.perf.direct", 50_000);
        long started = System.nanoTime();
        int accepted = 0;
        for (int chunk = 0; chunk < total; chunk += 10_000) {
            List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
            for (int i = chunk; i < Math.min(total, chunk + 10_000); i++) {
                String[] from = holders.get(i % ACCOUNTS);
                String[] to = holders.get((i * 7 + 3) % ACCOUNTS);
                if (from == to) {
                    to = holders.get((i + 1) % ACCOUNTS);
                }
                var command = org.jcm.ledger.command.TransferCredits.of(org.jcm.ledger.id.AccountId.parse(from[1]),
                        org.jcm.ledger.id.AccountId.parse(to[1]), 1);
                var actor = org.jcm.ledger.command.Actor.accountHolder("holder@" + from[0],
                        org.jcm.ledger.id.OrganizationId.parse(from[0]));
                var key = new IdempotencyKey(new org.jcm.registry.write.idempotency.SubjectKey(actor.subject(), LedgerApi.key()),
                        new byte[32]);
                futures.add(ledger.writer().submit(new LedgerWriter.Item(command, actor, key), Runnable::run));
            }
            for (CompletableFuture<CommandResult> f : futures) {
                accepted += f.join() instanceof CommandResult.Accepted ? 1 : 0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.infof("SANITY writer alone: %d accepted of %d in %.2f s = %.0f transfers/s", accepted, total, seconds,
                total / seconds);
    }

    private static void warmUp(Http http, List<String[]> holders) {
        List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String[] from = holders.get(i % ACCOUNTS);
            String[] to = holders.get((i + 1) % ACCOUNTS);
            futures.add(http.post("/api/v1/transfers", TestTokens.accountHolder(from[0]), LedgerApi.key(),
                    "{\"fromAccountId\":\"" + from[1] + "\",\"toAccountId\":\"" + to[1] + "\",\"quantity\":1}"));
            if (futures.size() == 64) {
                Http.all(futures);
                futures.clear();
            }
        }
        Http.all(futures);
    }
}
