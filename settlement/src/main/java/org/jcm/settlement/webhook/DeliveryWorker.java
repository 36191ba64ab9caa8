package org.jcm.settlement.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries the ledger consumer wrote: one thread takes the due head of each endpoint's
 * queue (at most {@code jcm.webhooks.parallel-endpoints} endpoints at once), sends them signed
 * (Standard Webhooks headers), waits for all of them, and records each attempt before it looks
 * again. A delivery is recorded only after its attempt ended, so one that was in flight when the
 * service stopped is sent again after the restart: at least once, never lost. It runs apart from
 * the request path and the consumer, so a slow receiver slows only its own queue.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final WebhookConfig config;
    private final DeliveryQueue queue;
    private final UrlGuard guard;
    private final HttpClient http;
    private volatile boolean running;
    private Thread thread;

    DeliveryWorker(WebhookConfig config, DeliveryQueue queue) {
        this.config = config;
        this.queue = queue;
        this.guard = new UrlGuard(config.allowLoopback(), config.allowPrivateAddresses());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.deliveryEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    /** Starts the worker thread, unless it runs already. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "settlement-webhook-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the worker thread: an attempt in flight is abandoned unrecorded and made again at the next start. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(config.timeout().plusSeconds(5).toMillis());
            thread = null;
        }
    }

    private void run() {
        while (running) {
            try {
                List<DeliveryQueue.Due> due = queue.due(config.parallelEndpoints());
                if (due.isEmpty()) {
                    Thread.sleep(config.pollInterval().toMillis());
                } else {
                    sendAll(due);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.errorf(e, "Webhook deliveries failed; trying again in %s", config.pollInterval());
                sleepQuietly();
            }
        }
    }

    private void sendAll(List<DeliveryQueue.Due> due) throws Exception {
        List<CompletableFuture<DeliveryQueue.Outcome>> attempts = new ArrayList<>(due.size());
        for (DeliveryQueue.Due delivery : due) {
            attempts.add(send(delivery));
        }
        for (int i = 0; i < due.size(); i++) {
            DeliveryQueue.Outcome outcome;
            try {
                outcome = attempts.get(i).get();
            } catch (InterruptedException e) {
                attempts.forEach(a -> a.cancel(true));
                throw e;
            }
            if (!running) {
                return;
            }
            DeliveryQueue.Due delivery = due.get(i);
            int attempt = delivery.attempts() + 1;
            queue.record(delivery, outcome, config.maxAttempts(),
                    Backoff.after(attempt, config.retryBase(), config.retryCap()));
        }
    }

    /** One attempt; never fails: what went wrong is the outcome's error. */
    private CompletableFuture<DeliveryQueue.Outcome> send(DeliveryQueue.Due delivery) {
        Instant at = Instant.now();
        Optional<String> refused = guard.refusal(delivery.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new DeliveryQueue.Outcome(at, null, 0,
                    "refused: " + refused.get()));
        }
        long timestamp = at.getEpochSecond();
        String signature = Signatures.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.payload());
        if (delivery.previousSecret() != null) {
            signature += " " + Signatures.sign(delivery.previousSecret(), delivery.messageId(), timestamp,
                    delivery.payload());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "jcm-settlement-webhooks/1")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return new DeliveryQueue.Outcome(at, null, millis, cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                    }
                    int status = response.statusCode();
                    String error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
                    return new DeliveryQueue.Outcome(at, status, millis, error);
                });
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
