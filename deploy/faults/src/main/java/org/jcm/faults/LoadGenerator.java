package org.jcm.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jcm.ledger.canonical.Json;

/**
 * A steady stream of one-tonne transfers between the two demo accounts, in alternating
 * directions so that neither runs dry, each with its own Idempotency-Key (also its memo). Every
 * request is recorded in the current {@link Phase} before it is sent and its answer when it
 * comes. Requests go to the preferred registry instance; a connection failure or 503
 * {@code not_the_writer} makes the next request go to the other instance (when there are two).
 */
final class LoadGenerator {

    /** The body of a load transfer, so that an unknown one can be retried exactly. */
    record Transfer(String from, String to, String token) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient client;
    private final int ratePerSecond;
    private final int maxInFlight;
    private final String mongolianAccount;
    private final String japaneseAccount;
    private final String mongolianToken;
    private final String japaneseToken;
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    private final AtomicInteger preferred = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private volatile List<String> targets;
    private volatile Phase phase;
    private volatile boolean running;
    private Semaphore inFlight;
    private Thread thread;

    LoadGenerator(HttpClient client, int ratePerSecond, int maxInFlight, String mongolianAccount, String japaneseAccount,
                  String mongolianToken, String japaneseToken, List<String> targets) {
        this.client = client;
        this.ratePerSecond = ratePerSecond;
        this.maxInFlight = maxInFlight;
        this.mongolianAccount = mongolianAccount;
        this.japaneseAccount = japaneseAccount;
        this.mongolianToken = mongolianToken;
        this.japaneseToken = japaneseToken;
        this.targets = List.copyOf(targets);
    }

    /** The registry base URLs requests may go to, the first preferred. */
    void targets(List<String> urls) {
        targets = List.copyOf(urls);
        preferred.set(0);
    }

    /** Starts sending for {@code phase}. */
    synchronized void start(Phase phase) {
        this.phase = phase;
        this.inFlight = new Semaphore(maxInFlight);
        this.running = true;
        this.skipped.set(0);
        thread = new Thread(this::run, "load-" + phase.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sending and waits up to {@code wait} for the answers of requests in flight. */
    synchronized void stop(Duration wait) throws InterruptedException {
        running = false;
        thread.join();
        if (inFlight.tryAcquire(maxInFlight, wait.toMillis(), TimeUnit.MILLISECONDS)) {
            inFlight.release(maxInFlight);
        }
    }

    /** Ticks not sent because {@code maxInFlight} requests were already waiting. */
    long skipped() {
        return skipped.get();
    }

    Transfer transfer(String key) {
        return transfers.get(key);
    }

    static String body(Transfer transfer, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromAccountId", transfer.from());
        body.put("toAccountId", transfer.to());
        body.put("quantity", 1L);
        body.put("filter", Map.of("label", "NONE"));
        body.put("memo", key);
        return Json.write(body);
    }

    private void run() {
        long start = System.nanoTime();
        long sent = 0;
        while (running) {
            long due = (System.nanoTime() - start) * ratePerSecond / 1_000_000_000L;
            while (sent < due && running) {
                sent++;
                if (!inFlight.tryAcquire()) {
                    skipped.incrementAndGet();
                    continue;
                }
                send(sent % 2 == 0);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(boolean toJapan) {
        Phase current = phase;
        String key = current.nextKey();
        Transfer transfer = toJapan ? new Transfer(mongolianAccount, japaneseAccount, mongolianToken)
                : new Transfer(japaneseAccount, mongolianAccount, japaneseToken);
        transfers.put(key, transfer);
        List<String> urls = targets;
        int target = Math.floorMod(preferred.get(), urls.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(target) + "/api/v1/transfers"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + transfer.token())
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(transfer, key), StandardCharsets.UTF_8))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((response, failure) -> {
            try {
                long now = System.nanoTime();
                if (failure != null) {
                    current.record(Outcome.noAnswer(key, now));
                    switchFrom(target, urls.size());
                    return;
                }
                Object json = Http.parse(response.body());
                if (response.statusCode() == 503 && Http.problemCode(json).filter("not_the_writer"::equals).isPresent()) {
                    switchFrom(target, urls.size());
                }
                current.record(Outcome.of(key, response.statusCode(), response.statusCode() == 201 ? Http.transferSeq(json) : 0, now));
            } finally {
                inFlight.release();
            }
        });
    }

    private void switchFrom(int target, int size) {
        if (size > 1) {
            preferred.compareAndSet(target, (target + 1) % size);
        }
    }
}
