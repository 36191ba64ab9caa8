package org.jcm.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's webhook endpoints (docs/webhooks.md), registered with settlement before the first
 * trade: one of Sakura Trading for its transfers, one of the exchange for its trades, both pointing
 * at the launcher's {@link WebhookReceiver}. The demo's transfers and trades then produce signed
 * deliveries, which the receiver verifies and prints; the seeder waits for them and prints where
 * each endpoint's delivery log is.
 */
final class DemoWebhooks {

    /** The endpoint of Sakura Trading, the buyer: its incoming and outgoing transfers. */
    static final String COMPANY_ENDPOINT = "sakura-trading";
    /** The endpoint of the exchange: its trades' outcomes. */
    static final String VENUE_ENDPOINT = "jcmx";
    static final List<String> COMPANY_EVENTS = List.of("transfer.incoming", "transfer.outgoing", "approval.requested",
            "pending_transfer.updated", "application.changed");
    static final List<String> VENUE_EVENTS = List.of("trade.settled", "trade.mismatched", "trade.failed");

    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

    private final ApiClient settlement;
    private final DemoRequests requests;
    private final WebhookReceiver receiver;
    private final Progress progress;

    DemoWebhooks(ApiClient settlement, DemoRequests requests, WebhookReceiver receiver, Progress progress) {
        this.settlement = settlement;
        this.requests = requests;
        this.receiver = receiver;
        this.progress = progress;
    }

    /** Registers both endpoints (or, on a second seeding run, takes them over with a new secret). */
    void register() throws SeedingException, IOException, InterruptedException {
        WebhookReceiver.Endpoint company = endpoint(COMPANY_ENDPOINT, DemoScenario.JAPANESE_COMPANY, "JCM_TOKEN_SAKURA_TRADING",
                COMPANY_EVENTS, "Demo: Sakura Trading's transfers, to the local stack's receiver");
        WebhookReceiver.Endpoint venue = endpoint(VENUE_ENDPOINT, "exchange " + DemoScenario.VENUE, "JCM_TOKEN_EXCHANGE",
                VENUE_EVENTS, "Demo: the exchange's trades, to the local stack's receiver");
        progress.step("  webhooks " + company.webhookId() + " (" + DemoScenario.JAPANESE_COMPANY + ": "
                + String.join(", ", COMPANY_EVENTS) + ") and " + venue.webhookId() + " (" + DemoScenario.VENUE + ": "
                + String.join(", ", VENUE_EVENTS) + ") -> the launcher's receiver " + receiver.url(""));
    }

    /**
     * Waits (up to 30 s) until the receiver verified the deliveries the demo's trades cause: one
     * {@code transfer.incoming} to Sakura Trading and one {@code trade.settled} to the exchange per
     * trade; prints each endpoint's delivery log URL.
     */
    void awaitDeliveries(int trades) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (System.nanoTime() < deadline && (receiver.verifiedDeliveries(COMPANY_ENDPOINT) < trades
                || receiver.verifiedDeliveries(VENUE_ENDPOINT) < trades)) {
            Thread.sleep(250);
        }
        int company = receiver.verifiedDeliveries(COMPANY_ENDPOINT);
        int venue = receiver.verifiedDeliveries(VENUE_ENDPOINT);
        if (company < trades || venue < trades) {
            progress.warn("the webhook receiver verified " + company + " deliveries to " + DemoScenario.JAPANESE_COMPANY
                    + " and " + venue + " to " + DemoScenario.VENUE + " of " + trades + " each after "
                    + DELIVERY_WAIT.toSeconds() + " s; see each endpoint's delivery log");
        } else {
            progress.step("  webhook deliveries verified by the receiver: " + company + " to "
                    + DemoScenario.JAPANESE_COMPANY + ", " + venue + " to " + DemoScenario.VENUE);
        }
        for (String name : List.of(COMPANY_ENDPOINT, VENUE_ENDPOINT)) {
            receiver.endpoint(name).ifPresent(endpoint -> progress.step("  delivery log of " + endpoint.owner() + ": "
                    + deliveryLog(settlement.base().toString(), endpoint.webhookId())
                    + (name.equals(COMPANY_ENDPOINT) ? " (token JCM_TOKEN_SAKURA_TRADING)" : " (token JCM_TOKEN_EXCHANGE)")));
        }
    }

    /** The URL of an endpoint's delivery log on settlement. */
    static String deliveryLog(String settlementUrl, String webhookId) {
        String base = settlementUrl.endsWith("/") ? settlementUrl.substring(0, settlementUrl.length() - 1) : settlementUrl;
        return base + "/api/v1/webhooks/" + webhookId + "/deliveries";
    }

    private WebhookReceiver.Endpoint endpoint(String name, String owner, String actor, List<String> events, String description)
            throws SeedingException, IOException, InterruptedException {
        String url = receiver.url(name).toString();
        String token = requests.token(actor);
        Optional<String> existing = existing(token, url);
        ApiClient.Answer answer = existing.isPresent()
                ? settlement.post("/api/v1/webhooks/" + existing.get() + "/rotate-secret", token,
                        DemoRequests.KEY_PREFIX + "webhook-" + name + "-rotate", null)
                : settlement.post("/api/v1/webhooks", token, DemoRequests.KEY_PREFIX + "webhook-" + name,
                        DemoSeeder.body("url", url, "events", events, "description", description));
        if (!answer.isSuccess()) {
            throw SeedingException.refused("webhook of " + owner, answer);
        }
        Object json = answer.json();
        String id = JsonTrees.find(json, "id").orElse(null);
        String secret = JsonTrees.find(json, "secret").orElse(null);
        if (id == null || secret == null) {
            throw new SeedingException("The answer registering the webhook of " + owner + " names no id or secret: " + json);
        }
        WebhookReceiver.Endpoint endpoint = new WebhookReceiver.Endpoint(name, owner, id, secret);
        receiver.accept(endpoint);
        return endpoint;
    }

    /** The id of the caller's endpoint for {@code url}, if a first seeding run registered it. */
    private Optional<String> existing(String token, String url) throws IOException, InterruptedException {
        Object list = settlement.get("/api/v1/webhooks", token).json();
        return JsonTrees.objectsWith(list, "url", url).stream().map(endpoint -> endpoint.get("id"))
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
    }

    /** The demo's endpoints need settlement; without it there is nothing to register. */
    static Optional<DemoWebhooks> of(Optional<ApiClient> settlement, DemoRequests requests, Optional<WebhookReceiver> receiver,
                                     Progress progress) {
        if (settlement.isEmpty() || receiver.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DemoWebhooks(settlement.get(), requests, receiver.get(), progress));
    }
}
