package org.jcm.bench.inproc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * {@link WritePathBench}'s load: sends transfer requests on one Vert.x event loop, in a closed loop
 * (a number of clients, each sending again once answered) or an open loop (on schedule, whatever
 * the answers), and records their latencies with HdrHistogram; optionally mixes in poison requests.
 */
final class WriteLoadDriver {
    private final WriteWorld world;
    private final Vertx vertx;
    private final HttpClient http;
    private final String mode;
    private final int batch;
    private final SplittableRandom random = new SplittableRandom(42);
    private volatile boolean running = true;
    private Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
    final AtomicLong transfers = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile String lastFailure = "";
    private long timer = -1;
    final int poisonPercent;
    final String poisonKind;
    final AtomicLong poisonSent = new AtomicLong();
    final java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicLong> poisonAnswers =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private long poisoned;

    WriteLoadDriver(WriteWorld world, Vertx vertx, HttpClient http, String mode, int batch, int poisonPercent,
                    String poisonKind) {
        this.world = world;
        this.vertx = vertx;
        this.http = http;
        this.mode = mode;
        this.batch = batch;
        this.poisonPercent = poisonPercent;
        this.poisonKind = poisonKind;
    }

    void closedLoop(int clients) {
        vertx.runOnContext(v -> {
            for (int c = 0; c < clients; c++) {
                next();
            }
        });
    }

    private void next() {
        if (!running) {
            return;
        }
        long start = System.nanoTime();
        send().onComplete(ar -> {
            record(start, ar.succeeded() ? ar.result() : 0);
            next();
        });
    }

    /** A request the writer must isolate (see the class comment); its answer is counted, not timed. */
    private Future<Integer> sendPoison() {
        poisonSent.incrementAndGet();
        int from = random.nextInt(WriteWorld.ACCOUNTS);
        String token = world.orgTokens[from / WriteWorld.ACCOUNTS_PER_ORG];
        String key = world.nextKey();
        boolean memo = poisonKind.equals("memo") || poisonKind.equals("mixed") && poisoned++ % 2 == 0;
        String path;
        String body;
        if (memo) {
            path = "/api/v1/transfers";
            body = "{\"fromAccountId\":\"" + world.accounts[from] + "\",\"toAccountId\":\"" + world.accounts[other(from)]
                    + "\",\"quantity\":1,\"memo\":\"\\ud800\"}";
        } else {
            path = "/api/v1/transfer-batches";
            body = "{\"items\":[{\"idempotencyKey\":\"" + key + "\",\"fromAccountId\":\"" + world.accounts[from]
                    + "\",\"toAccountId\":\"" + world.accounts[other(from)] + "\",\"quantity\":1}]}";
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", key)
                .putHeader("Content-Type", "application/json");
        return http.request(request).compose(r -> r.send(Buffer.buffer(body))).compose(response -> response.body().map(b -> {
            poisonAnswers.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return -1;
        })).recover(e -> {
            poisonAnswers.computeIfAbsent(0, k -> new AtomicLong()).incrementAndGet();
            return Future.succeededFuture(-1);
        });
    }

    /** Open loop: requests leave on schedule, whatever the answers; latency counts from the scheduled time. */
    void openLoop(int rate) {
        long intervalNanos = 1_000_000_000L / rate;
        long origin = System.nanoTime();
        long[] sent = {0};
        vertx.runOnContext(v -> timer = vertx.setPeriodic(1, id -> {
            if (!running) {
                return;
            }
            long due = (System.nanoTime() - origin) / intervalNanos;
            for (; sent[0] < due; sent[0]++) {
                long intended = origin + sent[0] * intervalNanos;
                if (poisonPercent > 0 && random.nextInt(100) < poisonPercent) {
                    sendPoison();
                    continue;
                }
                send().onComplete(ar -> record(intended, ar.succeeded() ? ar.result() : 0));
            }
        }));
    }

    private void record(long start, int transferred) {
        histogram.recordValue(Math.min((System.nanoTime() - start) / 1000, histogram.getHighestTrackableValue()));
        transfers.addAndGet(transferred);
    }

    /** One request; completes with the number of transfers it made (0 if it failed). */
    private Future<Integer> send() {
        String path;
        String body;
        String token;
        int items;
        if (mode.equals("batch")) {
            int org = random.nextInt(WriteWorld.ORGS);
            token = world.orgTokens[org];
            StringBuilder json = new StringBuilder(batch * 120).append("{\"items\":[");
            for (int i = 0; i < batch; i++) {
                int from = org * WriteWorld.ACCOUNTS_PER_ORG + random.nextInt(WriteWorld.ACCOUNTS_PER_ORG);
                json.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"").append(world.nextKey()).append("\",\"fromAccountId\":\"")
                        .append(world.accounts[from]).append("\",\"toAccountId\":\"").append(world.accounts[other(from)])
                        .append("\",\"quantity\":1}");
            }
            body = json.append("]}").toString();
            path = "/api/v1/transfer-batches";
            items = batch;
        } else {
            int from = mode.equals("hot") ? 0 : random.nextInt(WriteWorld.ACCOUNTS);
            token = world.orgTokens[from / WriteWorld.ACCOUNTS_PER_ORG];
            body = "{\"fromAccountId\":\"" + world.accounts[from] + "\",\"toAccountId\":\"" + world.accounts[other(from)] + "\",\"quantity\":1}";
            path = "/api/v1/transfers";
            items = 1;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", world.nextKey())
                .putHeader("Content-Type", "application/json");
        return http.request(request).compose(r -> r.send(Buffer.buffer(body))).compose(response -> response.body().map(b -> {
            // A transfer answers 201; a batch answers 200 with each item's own status.
            if (response.statusCode() != (items == 1 ? 201 : 200)) {
                failures.incrementAndGet();
                lastFailure = response.statusCode() + " " + b.toString().substring(0, Math.min(200, b.length()));
                return 0;
            }
            if (items == 1) {
                return 1;
            }
            // Items answer on their own; count the accepted ones.
            int accepted = 0;
            String text = b.toString();
            for (int i = text.indexOf("\"status\":201"); i >= 0; i = text.indexOf("\"status\":201", i + 1)) {
                accepted++;
            }
            return accepted;
        })).recover(e -> {
            failures.incrementAndGet();
            lastFailure = e.toString();
            return Future.succeededFuture(0);
        });
    }

    private int other(int from) {
        int to = random.nextInt(WriteWorld.ACCOUNTS - 1);
        return to >= from ? to + 1 : to;
    }

    void reset() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            histogram = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
            transfers.set(0);
            failures.set(0);
            poisonSent.set(0);
            poisonAnswers.clear();
            done.complete(null);
        });
        done.get();
    }

    Histogram snapshot() throws Exception {
        CompletableFuture<Histogram> done = new CompletableFuture<>();
        vertx.runOnContext(v -> done.complete(histogram.copy()));
        return done.get();
    }

    void stop() {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
