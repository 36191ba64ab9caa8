package org.jcm.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.report.FiscalYear;

/**
 * Loads the demo data through the services' real APIs, as the demo actors, with an
 * Idempotency-Key on every mutation: running it again returns the first answers and changes nothing.
 * The project comes through the JCM project cycle ({@link DemoRoute}).
 * Issuances, the authorization and the corresponding adjustment are proposed by one administrator
 * or official and approved by a second one ({@link DemoRequests#approved}); the companies' transfer
 * policies and one delayed transfer come from {@link DemoControls}. See docs/local-stack.md for what
 * it creates.
 */
final class DemoSeeder {

    private static final String KEY_PREFIX = DemoRequests.KEY_PREFIX;
    private static final Duration SETTLEMENT_WAIT = Duration.ofSeconds(30);
    /** The trades the exchange registers and the seller delivers, in that order. */
    private static final List<String> DEMO_TRADES = List.of("T-0001", DemoScenario.EXCHANGE_TRADE, "T-0003", "T-0004");

    private final ApiClient registry;
    private final Optional<ApiClient> settlement;
    private final DemoRequests requests;
    private final DemoControls controls;
    private final DemoDisclosure disclosure;
    private final Optional<DemoWebhooks> webhooks;
    private final Progress progress;
    private final Instant now;
    private DemoIds ids = DemoIds.EXPECTED;

    /** {@code receiver}: where the demo's webhook endpoints point; none, no endpoints (as without settlement). */
    DemoSeeder(ApiClient registry, Optional<ApiClient> settlement, DemoTokens tokens, Progress progress, Instant now,
               Optional<WebhookReceiver> receiver) {
        this.registry = registry;
        this.settlement = settlement;
        this.requests = new DemoRequests(registry, tokens, () -> ids);
        this.controls = new DemoControls(requests, progress);
        this.disclosure = new DemoDisclosure(requests, registry, progress);
        this.webhooks = DemoWebhooks.of(settlement, requests, receiver, progress);
        this.progress = progress;
        this.now = now;
    }

    /**
     * Runs every step; returns the ids the ledger assigned. The Article 6.2 steps come last, so that
     * a registry without them still gets accounts, an issuance, trades and a retirement.
     */
    DemoIds seed() throws SeedingException, IOException, InterruptedException {
        registries();
        organizationsAndAccounts();
        controls.transferPolicies(ids);
        String issuanceRequest = projectAndIssuanceRequest();
        String mongolianSerial = issue(issuanceRequest);
        if (webhooks.isPresent()) {
            webhooks.get().register();
        }
        tradesOfUnauthorizedUnits();
        disclosure.disclose(ids, retire());
        authorize(mongolianSerial);
        long firstTransferSeq = tradesOfAuthorizedUnits();
        adjust(firstTransferSeq);
        controls.delayedTransfer(ids);
        awaitSettlement();
        if (webhooks.isPresent()) {
            webhooks.get().awaitDeliveries(DEMO_TRADES.size());
        }
        return ids;
    }

    private void registries() throws SeedingException, IOException, InterruptedException {
        post("registry JPN01", "01-registry-JPN01", "/api/v1/registries", "JCM_TOKEN_OPERATOR",
                body("registryId", DemoScenario.JAPAN_REGISTRY, "name", DemoScenario.JAPAN_REGISTRY_NAME));
        post("registry MNG01", "02-registry-MNG01", "/api/v1/registries", "JCM_TOKEN_OPERATOR",
                body("registryId", DemoScenario.MONGOLIA_REGISTRY, "name", DemoScenario.MONGOLIA_REGISTRY_NAME));
        progress.step("  registries JPN01 and MNG01");
    }

    private void organizationsAndAccounts() throws SeedingException, IOException, InterruptedException {
        String mongolianOrg = createdId("organization", post("organization " + DemoScenario.MONGOLIAN_COMPANY,
                "03-organization-gobi-solar", "/api/v1/organizations", "JCM_TOKEN_ADMIN_MNG01",
                body("registryId", DemoScenario.MONGOLIA_REGISTRY, "name", DemoScenario.MONGOLIAN_COMPANY)),
                "organizationId", ids.mongolianCompany());
        String japaneseOrg = createdId("organization", post("organization " + DemoScenario.JAPANESE_COMPANY,
                "04-organization-sakura-trading", "/api/v1/organizations", "JCM_TOKEN_ADMIN_JPN01",
                body("registryId", DemoScenario.JAPAN_REGISTRY, "name", DemoScenario.JAPANESE_COMPANY)),
                "organizationId", ids.japaneseCompany());
        String mongolianAccount = createdId("account", post("account of " + DemoScenario.MONGOLIAN_COMPANY,
                "05-account-gobi-solar", "/api/v1/accounts", "JCM_TOKEN_ADMIN_MNG01",
                body("organizationId", mongolianOrg, "name", "Gobi Solar holding account")),
                "accountId", ids.mongolianAccount());
        String japaneseAccount = createdId("account", post("account of " + DemoScenario.JAPANESE_COMPANY,
                "06-account-sakura-trading", "/api/v1/accounts", "JCM_TOKEN_ADMIN_JPN01",
                body("organizationId", japaneseOrg, "name", "Sakura Trading holding account")),
                "accountId", ids.japaneseAccount());
        ids = new DemoIds(mongolianOrg, mongolianAccount, japaneseOrg, japaneseAccount);
        progress.step("  organizations " + mongolianOrg + " (" + DemoScenario.MONGOLIAN_COMPANY + "), " + japaneseOrg
                + " (" + DemoScenario.JAPANESE_COMPANY + "); accounts " + mongolianAccount + ", " + japaneseAccount);
    }

    /**
     * The project through the JCM project cycle, up to the Joint Committee's issuance decision
     * ({@link DemoRoute}); returns the decided issuance request's id.
     */
    private String projectAndIssuanceRequest() throws SeedingException, IOException, InterruptedException {
        DemoRoute route = new DemoRoute(requests, progress);
        route.reference();
        return route.decideIssuance(route.register(ids), ids);
    }

    /**
     * Each side issues the share of the Joint Committee's decision into its own registry, both on the
     * monitoring cycle's request: MNG01 to the Mongolian account, JPN01 to the Japanese one. In each
     * registry one administrator proposes the issuance and a second one approves it. Returns the
     * serial of the Mongolian block.
     */
    private String issue(String issuanceRequest) throws SeedingException, IOException, InterruptedException {
        Object answer = requests.approved("issuance " + DemoScenario.ISSUANCE, "09-issuance-MNG01", "/api/v1/issuances",
                "JCM_TOKEN_ADMIN_MNG01", "JCM_TOKEN_APPROVER_MNG01", issuance(DemoScenario.ISSUANCE, issuanceRequest,
                        ids.mongolianAccount(), DemoScenario.ISSUED_TO_MONGOLIA));
        requests.approved("issuance " + DemoScenario.ISSUANCE_JAPAN, "09-issuance-JPN01", "/api/v1/issuances",
                "JCM_TOKEN_ADMIN_JPN01", "JCM_TOKEN_APPROVER_JPN01", issuance(DemoScenario.ISSUANCE_JAPAN, issuanceRequest,
                        ids.japaneseAccount(), DemoScenario.ISSUED_TO_JAPAN));
        String serial = JsonTrees.objectsWith(answer, "accountId", ids.mongolianAccount()).stream()
                .map(block -> block.get("serial")).filter(String.class::isInstance).map(String.class::cast)
                .findFirst()
                .orElse("JCM-" + DemoScenario.PROJECT + "-" + DemoScenario.VINTAGE + "-1-" + DemoScenario.ISSUED_TO_MONGOLIA);
        progress.step("  project " + DemoScenario.PROJECT + ", request " + issuanceRequest + ": issuance "
                + DemoScenario.ISSUANCE + " by " + DemoScenario.MONGOLIA_REGISTRY + " (proposed by admin@MNG01, approved by"
                + " approver@MNG01), " + DemoScenario.ISSUED_TO_MONGOLIA
                + " t to " + ids.mongolianAccount() + "; " + DemoScenario.ISSUANCE_JAPAN + " by "
                + DemoScenario.JAPAN_REGISTRY + ", " + DemoScenario.ISSUED_TO_JAPAN + " t to " + ids.japaneseAccount());
        return serial;
    }

    /** One side's issuance of the demo decision: {@code quantity} units into one account, on the request. */
    private static Map<String, Object> issuance(String issuanceId, String issuanceRequest, String account, long quantity) {
        return body("issuanceId", issuanceId, "projectId", DemoScenario.PROJECT,
                "monitoringPeriodStart", DemoScenario.MONITORING_START, "monitoringPeriodEnd", DemoScenario.MONITORING_END,
                "vintage", (long) DemoScenario.VINTAGE, "totalQuantity", quantity,
                "allocations", List.of(body("accountId", account, "quantity", quantity)),
                "issuanceRequestId", issuanceRequest);
    }

    /**
     * Two priced international transfers of units without authorization from MNG01 to JPN01 on
     * venue JCMX, each delivering a trade the exchange registered with settlement first: settlement
     * prices a venue only with trades the venue registered and the seller delivered.
     */
    private void tradesOfUnauthorizedUnits() throws SeedingException, IOException, InterruptedException {
        awaitSettlementKnowsTheAccounts();
        registerExchangeTrade("10-exchange-trade-T-0001", "T-0001", DemoScenario.FIRST_TRADE,
                DemoScenario.UNAUTHORIZED_INSTRUMENT, "980.00");
        transfer("10-transfer-T-0001", "T-0001", DemoScenario.FIRST_TRADE, "NONE", "980.00",
                "Sold on " + DemoScenario.VENUE);
        registerExchangeTrade("11-exchange-trade", DemoScenario.EXCHANGE_TRADE, DemoScenario.EXCHANGE_TRADE_QUANTITY,
                DemoScenario.UNAUTHORIZED_INSTRUMENT, DemoScenario.EXCHANGE_TRADE_PRICE);
        transfer("12-transfer-" + DemoScenario.EXCHANGE_TRADE, DemoScenario.EXCHANGE_TRADE, DemoScenario.EXCHANGE_TRADE_QUANTITY,
                "NONE", DemoScenario.EXCHANGE_TRADE_PRICE,
                "Delivery of exchange trade " + DemoScenario.EXCHANGE_TRADE + " (delivery versus payment)");
        progress.step("  trades T-0001 and " + DemoScenario.EXCHANGE_TRADE + " on " + DemoScenario.VENUE + " ("
                + ids.mongolianAccount() + " -> " + ids.japaneseAccount() + ", " + DemoScenario.CURRENCY + ")"
                + (settlement.isPresent() ? "; each registered with settlement first" : ""));
    }

    /**
     * Mongolia authorizes, for NDC use, units that the Mongolian account still holds: those above
     * what the two trades took from the low end of its block. One official proposes, a second approves.
     */
    private void authorize(String mongolianSerial) throws SeedingException, IOException, InterruptedException {
        String authorized = DemoSeeder.slice(mongolianSerial, DemoScenario.FIRST_TRADE + DemoScenario.EXCHANGE_TRADE_QUANTITY,
                DemoScenario.AUTHORIZED);
        requests.approved("authorization " + DemoScenario.AUTHORIZATION, "14-authorization", "/api/v1/authorizations",
                "JCM_TOKEN_GOV_MNG", "JCM_TOKEN_APPROVER_GOV_MNG", body("authorizationId", DemoScenario.AUTHORIZATION, "party", "MNG",
                        "cooperativeApproachId", cooperativeApproach("MNG"), "purpose", "NDC",
                        "authorizedQuantity", DemoScenario.AUTHORIZED, "vintages", List.of((long) DemoScenario.VINTAGE),
                        "authorizedEntities", List.of(DemoScenario.MONGOLIAN_COMPANY, DemoScenario.JAPANESE_COMPANY),
                        "serialRanges", List.of(authorized)));
        progress.step("  authorization " + DemoScenario.AUTHORIZATION + " (Mongolia, NDC): " + authorized);
    }

    /**
     * Two priced international transfers of authorized units: the first transfers of Article 6.2.
     * Returns the seq of the first one's FirstTransferRecorded event, or 0.
     */
    private long tradesOfAuthorizedUnits() throws SeedingException, IOException, InterruptedException {
        registerExchangeTrade("15-exchange-trade-T-0003", "T-0003", 2_000, DemoScenario.AUTHORIZED_INSTRUMENT, "1250.50");
        Object first = transfer("15-transfer-T-0003", "T-0003", 2_000, "AUTHORIZED", "1250.50",
                "International transfer of authorized units, sold on " + DemoScenario.VENUE);
        registerExchangeTrade("16-exchange-trade-T-0004", "T-0004", 400, DemoScenario.AUTHORIZED_INSTRUMENT, "1275.25");
        transfer("16-transfer-T-0004", "T-0004", 400, "AUTHORIZED", "1275.25", "Sold on " + DemoScenario.VENUE);
        progress.step("  trades T-0003 and T-0004 of authorized units on " + DemoScenario.VENUE);
        return JsonTrees.objectsWith(first, "type", "FirstTransferRecorded").stream()
                .map(event -> event.get("seq")).filter(Long.class::isInstance).map(Long.class::cast)
                .findFirst().orElse(0L);
    }

    private Object transfer(String key, String tradeId, long quantity, String label, String price, String memo)
            throws SeedingException, IOException, InterruptedException {
        return post("transfer " + tradeId, key, "/api/v1/transfers", "JCM_TOKEN_GOBI_SOLAR",
                body("fromAccountId", ids.mongolianAccount(), "toAccountId", ids.japaneseAccount(), "quantity", quantity,
                        "filter", body("projectId", DemoScenario.PROJECT, "vintage", (long) DemoScenario.VINTAGE, "label", label),
                        "trade", body("tradeId", tradeId, "venue", DemoScenario.VENUE, "pricePerTonne", price,
                                "currency", DemoScenario.CURRENCY),
                        "memo", memo));
    }

    /**
     * The exchange registers a trade of the Mongolian account selling to the Japanese one with
     * settlement, before the seller's transfer delivers it. Settlement refuses accounts it has not
     * read from the ledger yet (422 {@code unknown_account}; 503 while it catches up, which the
     * client retries), so this waits for it as settlement's documentation says.
     */
    private void registerExchangeTrade(String key, String tradeId, long quantity, String instrument, String price)
            throws SeedingException, IOException, InterruptedException {
        if (settlement.isEmpty()) {
            return;
        }
        String deliverBy = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30)).toString();
        Map<String, Object> trade = body("tradeId", tradeId, "venue", DemoScenario.VENUE,
                "sellerAccountId", ids.mongolianAccount(), "buyerAccountId", ids.japaneseAccount(),
                "instrument", instrument, "quantity", quantity, "pricePerTonne", price,
                "currency", DemoScenario.CURRENCY, "deliverBy", deliverBy);
        long deadline = System.nanoTime() + SETTLEMENT_WAIT.toNanos();
        ApiClient.Answer answer = settlement.get().post("/api/v1/trades", token("JCM_TOKEN_EXCHANGE"), KEY_PREFIX + key, trade);
        while (answer.status() == 422 && "unknown_account".equals(JsonTrees.find(answer.json(), "code").orElse(""))
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = settlement.get().post("/api/v1/trades", token("JCM_TOKEN_EXCHANGE"), KEY_PREFIX + key, trade);
        }
        // 409 means a first seeding run registered it and the trade may be settled by now; that is fine.
        if (!answer.isSuccess() && answer.status() != 409) {
            throw SeedingException.refused("exchange trade " + tradeId, answer);
        }
    }

    /** Waits (up to 30 s) until settlement has applied the ledger as far as it is now: the accounts are opened. */
    private void awaitSettlementKnowsTheAccounts() throws IOException, InterruptedException {
        if (settlement.isEmpty()) {
            return;
        }
        long head = registryHead();
        long deadline = System.nanoTime() + SETTLEMENT_WAIT.toNanos();
        while (settlementApplied() < head && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    private long registryHead() throws IOException, InterruptedException {
        return JsonTrees.find(registry.get("/api/v1/ledger/head", null).json(), "seq").map(Long::parseLong).orElse(0L);
    }

    private long settlementApplied() throws IOException, InterruptedException {
        return JsonTrees.find(settlement.orElseThrow().get("/api/v1/status", null).json(), "lastAppliedSeq")
                .map(Long::parseLong).orElse(-1L);
    }

    /** Mongolia applies the corresponding adjustment for the units first transferred by T-0003 (proposed and approved). */
    private void adjust(long firstTransferSeq) throws SeedingException, IOException, InterruptedException {
        if (firstTransferSeq <= 0) {
            progress.warn("no FirstTransferRecorded event in the answer to T-0003; no corresponding adjustment");
            return;
        }
        requests.approved("corresponding adjustment", "17-corresponding-adjustment", "/api/v1/corresponding-adjustments",
                "JCM_TOKEN_GOV_MNG", "JCM_TOKEN_APPROVER_GOV_MNG", body("party", "MNG", "year", (long) DemoScenario.VINTAGE, "method", "AVERAGING",
                        "firstTransferSeqs", List.of(firstTransferSeq)));
        progress.step("  corresponding adjustment by Mongolia for " + DemoScenario.VINTAGE + " (first transfer seq "
                + firstTransferSeq + ")");
    }

    /**
     * Sakura Trading retires units for itself, naming itself by its organization id (a registered
     * beneficiary, so its company statement lists the retirement as its own claim), and the
     * retirement's certificate is printed: its path
     * (from the answer) and the curl line that saves its printable page. Returns the retirement's fiscal year.
     */
    private FiscalYear retire() throws SeedingException, IOException, InterruptedException {
        Object answer = post("retirement", "13-retirement", "/api/v1/retirements", "JCM_TOKEN_SAKURA_TRADING",
                body("fromAccountId", ids.japaneseAccount(), "quantity", DemoScenario.RETIRED,
                        "filter", body("label", "NONE"), "purpose", "VOLUNTARY",
                        "beneficiary", body("organizationId", ids.japaneseCompany()),
                        "note", "Offset of business travel, fiscal year 2024"));
        progress.step("  retirement of " + DemoScenario.RETIRED + " t by " + DemoScenario.JAPANESE_COMPANY
                + " for itself, named by its organization id " + ids.japaneseCompany());
        Optional<String> certificate = JsonTrees.find(answer, "certificate");
        if (certificate.isEmpty()) {
            progress.warn("the retirement's answer names no certificate");
        } else {
            progress.step("  its certificate (once a signed checkpoint covers it, within seconds): " + certificate.get());
            progress.step("    " + certificateCurl(registry.base().toString(), certificate.get()));
        }
        return DemoDisclosure.fiscalYearOf(answer, now);
    }

    /** The curl line that saves a certificate's printable page as Sakura Trading (tokens.env sourced). */
    static String certificateCurl(String registryUrl, String certificatePath) {
        String base = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        return "curl -H \"Authorization: Bearer $JCM_TOKEN_SAKURA_TRADING\" \"" + base + certificatePath
                + "?format=html\" > retirement-certificate.html";
    }

    /** Waits until settlement has applied the whole ledger and every demo trade is settled. */
    private void awaitSettlement() throws IOException, InterruptedException {
        if (settlement.isEmpty()) {
            return;
        }
        long head = registryHead();
        long deadline = System.nanoTime() + SETTLEMENT_WAIT.toNanos();
        String unsettled = "unknown";
        long applied = -1;
        while (System.nanoTime() < deadline) {
            applied = settlementApplied();
            unsettled = unsettledTrades();
            if (applied >= head && unsettled.isEmpty()) {
                progress.step("  settlement applied the ledger up to seq " + applied + "; "
                        + String.join(", ", DEMO_TRADES) + " are SETTLED");
                return;
            }
            Thread.sleep(250);
        }
        progress.warn("settlement has applied the ledger up to seq " + applied + " of " + head + " and trades "
                + unsettled + " are not settled after " + SETTLEMENT_WAIT.toSeconds()
                + " s; its feeds may still be empty (is registry-api publishing to Kafka?)");
    }

    /** The demo trades that are not SETTLED, with their status ("T-0001 PENDING_DELIVERY"), or empty. */
    private String unsettledTrades() throws IOException, InterruptedException {
        List<String> unsettled = new java.util.ArrayList<>();
        for (String tradeId : DEMO_TRADES) {
            ApiClient.Answer trade = settlement.orElseThrow().get("/api/v1/trades/" + DemoScenario.VENUE + "/" + tradeId,
                    token("JCM_TOKEN_EXCHANGE"));
            String status = JsonTrees.find(trade.json(), "status").orElse("HTTP " + trade.status());
            if (!"SETTLED".equals(status)) {
                unsettled.add(tradeId + " " + status);
            }
        }
        return String.join(", ", unsettled);
    }

    private String cooperativeApproach(String party) throws IOException, InterruptedException {
        ApiClient.Answer answer = registry.get("/api/v1/parties", null);
        Object parties = answer.isSuccess() ? answer.json() : null;
        // The Party's alpha-3 code is named "code" in ledger-core; accept the other usual names too.
        return List.of("code", "party", "iso3", "alpha3").stream()
                .flatMap(field -> JsonTrees.objectsWith(parties, field, party).stream())
                .map(found -> found.get("cooperativeApproachId")).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(DemoScenario.DEFAULT_COOPERATIVE_APPROACH);
    }

    private Object post(String step, String key, String path, String actor, Map<String, Object> body)
            throws SeedingException, IOException, InterruptedException {
        return requests.post(step, key, path, actor, body);
    }

    private String token(String variable) {
        return requests.token(variable);
    }

    /** The id a creating request answered with: {@code id}, else the first {@code field}, else the expected one. */
    private static String createdId(String what, Object answer, String field, String expected) throws SeedingException {
        Optional<String> id = answer instanceof Map<?, ?> map && map.get("id") instanceof String text
                ? Optional.of(text) : JsonTrees.find(answer, field);
        if (id.isPresent()) {
            return id.get();
        }
        if (expected == null) {
            return null;
        }
        if (answer == null) {
            throw new SeedingException("The answer creating the " + what + " is not JSON; cannot tell its id");
        }
        return expected;
    }

    /** {@code JCM-MN001-2024-1-8000}, skipping 800, 5000 units: {@code JCM-MN001-2024-801-5800}. */
    static String slice(String serial, long skip, long quantity) {
        int lastDash = serial.lastIndexOf('-');
        int firstDash = serial.lastIndexOf('-', lastDash - 1);
        long first = Long.parseLong(serial.substring(firstDash + 1, lastDash)) + skip;
        return serial.substring(0, firstDash + 1) + first + "-" + (first + quantity - 1);
    }

    /** A JSON object from alternating names and values, in order. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
