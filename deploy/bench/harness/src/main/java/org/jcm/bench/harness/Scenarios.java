package org.jcm.bench.harness;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jcm.ledger.canonical.Json;

/**
 * The requests of each scenario, built before the load starts where they can be (transfer bodies
 * and tokens; the Idempotency-Key, which must be new for every request, is a counter appended to
 * the run's prefix). Each target keeps its own counter, so its warm-up and measured phases never
 * repeat a key or an issuance decision.
 */
final class Scenarios {

    /** How many distinct transfer bodies are prepared and used in turn. */
    static final int PREPARED = 1 << 16;
    private static final int FIRST_SCENARIO_VINTAGE = 2040;
    private static final int LAST_SCENARIO_VINTAGE = 2100;

    private final World world;
    private final LoadClient client;
    private final Random random = new Random(20261129L);
    private final AtomicLong transferTargets = new AtomicLong();

    Scenarios(World world, LoadClient client) {
        this.world = world;
        this.client = client;
    }

    /** POST /transfers of 1 unit between two different accounts, both chosen at random among all of them. */
    Target spreadTransfers() {
        return transfers("spread", -1);
    }

    /** POST /transfers of 1 unit from the hot account to an account chosen at random. */
    Target hotAccountTransfers() {
        return transfers("hot", 0);
    }

    private Target transfers(String name, int fixedSource) {
        byte[][] bodies = new byte[PREPARED][];
        String[] authorizations = new String[PREPARED];
        fillTransfers(bodies, authorizations, fixedSource);
        AtomicLong keys = new AtomicLong();
        // Every target its own keys: the warm-up and the measured phase of a scenario are two targets.
        String prefix = world.keyPrefix() + name + transferTargets.incrementAndGet() + "-";
        return index -> {
            int slot = (int) (index & (PREPARED - 1));
            return client.send(LoadClient.Request.post("/api/v1/transfers", authorizations[slot],
                    prefix + keys.getAndIncrement(), Buffer.buffer(bodies[slot]))).thenApply(answer -> expect(answer, 201));
        };
    }

    private void fillTransfers(byte[][] bodies, String[] authorizations, int fixedSource) {
        int accounts = world.accounts().size();
        for (int i = 0; i < bodies.length; i++) {
            int from = fixedSource >= 0 ? fixedSource : random.nextInt(accounts);
            int to = random.nextInt(accounts - 1);
            if (to >= from) {
                to++;
            }
            bodies[i] = transferJson(world.accounts().get(from), world.accounts().get(to)).getBytes(StandardCharsets.UTF_8);
            authorizations[i] = world.authorizationOfAccount(from);
        }
    }

    static String transferJson(String from, String to) {
        return "{\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to + "\",\"quantity\":1}";
    }

    /**
     * POST /transfer-batches of {@code size} one-unit transfers, all out of accounts of one
     * organization (the batch's token), in turn, to accounts chosen at random.
     */
    Target transferBatches(int size) {
        int organizations = world.organizations().size();
        List<List<String>> itemsByOrganization = new ArrayList<>();
        for (int o = 0; o < organizations; o++) {
            itemsByOrganization.add(new ArrayList<>());
        }
        int accounts = world.accounts().size();
        for (int i = 0; i < PREPARED; i++) {
            int from = random.nextInt(accounts);
            int to = random.nextInt(accounts - 1);
            if (to >= from) {
                to++;
            }
            String item = transferJson(world.accounts().get(from), world.accounts().get(to));
            itemsByOrganization.get(world.accountOrganization()[from]).add(item.substring(1, item.length() - 1));
        }
        AtomicLong batches = new AtomicLong();
        String prefix = world.keyPrefix() + "batch-";
        return index -> {
            long batch = batches.getAndIncrement();
            int organization = (int) (batch % organizations);
            List<String> items = itemsByOrganization.get(organization);
            StringBuilder body = new StringBuilder(size * 110).append("{\"items\":[");
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    body.append(',');
                }
                String item = items.get((int) ((batch * size + i) % items.size()));
                body.append("{\"idempotencyKey\":\"").append(prefix).append(batch).append('.').append(i).append("\",")
                        .append(item).append('}');
            }
            body.append("]}");
            return client.send(LoadClient.Request.post("/api/v1/transfer-batches", world.holderAuthorizations().get(organization),
                    prefix + batch, Buffer.buffer(body.toString()))).thenApply(answer -> batchOutcome(answer, size));
        };
    }

    /**
     * One issuance of 100 units to one account chosen at random, as the project cycle has it
     * (docs/project-cycle.md): the applicant reports a monitoring cycle of one day
     * (POST /monitoring-cycles), the verifier verifies it, the applicant requests issuance, the JC
     * secretariat decides the share (POST .../issuance-decision), then POST /issuances by the
     * registry administrator proposes the issuance of that share and POST /proposals/{id}/approve by
     * a second one issues it (four eyes, docs/four-eyes.md): one issuance is these six requests,
     * counted as one. Decision {@code d} is a new cycle: day {@code d / projects} from 2040-01-01 of
     * project {@code d % projects}, with that day's year as vintage.
     */
    Target issuances() {
        AtomicLong decisions = new AtomicLong();
        String prefix = world.keyPrefix() + "iss-";
        int accounts = world.accounts().size();
        String[] allocations = new String[PREPARED];
        for (int i = 0; i < PREPARED; i++) {
            allocations[i] = world.accounts().get(random.nextInt(accounts));
        }
        return index -> {
            long decision = decisions.getAndIncrement();
            LocalDate day = issuanceDay(world.route(), decision);
            if (day.getYear() > LAST_SCENARIO_VINTAGE) {
                return CompletableFuture.completedFuture(Outcome.failure(System.nanoTime(),
                        "more issuances than one-day monitoring periods up to " + LAST_SCENARIO_VINTAGE));
            }
            return new IssuanceChain(client, world, prefix + decision, world.route().project(decision), day,
                    allocations[(int) (decision & (PREPARED - 1))]).run();
        };
    }

    /** The one day of issuance decision {@code decision}: day {@code decision / projects} from 2040-01-01. */
    static LocalDate issuanceDay(BenchRoute route, long decision) {
        return route.day(LocalDate.of(FIRST_SCENARIO_VINTAGE, 1, 1), decision);
    }

    /** GET /accounts/{id}/holdings of the account with 1,000 blocks ({@code limit} 0: the API's default page). */
    Target holdings(int limit) {
        String uri = "/api/v1/accounts/" + world.holdingsAccount() + "/holdings" + (limit > 0 ? "?limit=" + limit : "");
        String authorization = world.holderAuthorizations().get(0);
        return index -> client.send(LoadClient.Request.get(uri, authorization)).thenApply(answer -> expect(answer, 200));
    }

    /**
     * 80 % reads, 20 % writes, interleaved at random in a fixed pattern of 100: 40 GET /accounts/{id}
     * and 40 GET /accounts/{id}/holdings (default page) of random accounts, 20 one-unit transfers as
     * in the spread scenario.
     */
    Target mixed() {
        Target transfers = transfers("mixed", -1);
        List<Integer> pattern = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pattern.add(i < 20 ? 0 : i < 60 ? 1 : 2);
        }
        Collections.shuffle(pattern, random);
        int accounts = world.accounts().size();
        int[] readAccounts = new int[PREPARED];
        for (int i = 0; i < PREPARED; i++) {
            readAccounts[i] = random.nextInt(accounts);
        }
        AtomicLong requests = new AtomicLong();
        return index -> {
            long n = requests.getAndIncrement();
            int kind = pattern.get((int) (n % 100));
            if (kind == 0) {
                return transfers.send(n);
            }
            int account = readAccounts[(int) (n & (PREPARED - 1))];
            String uri = "/api/v1/accounts/" + world.accounts().get(account) + (kind == 2 ? "/holdings" : "");
            CompletionStage<LoadClient.Answer> answer = client.send(LoadClient.Request.get(uri, world.authorizationOfAccount(account)));
            return answer.thenApply(a -> expect(a, 200));
        };
    }

    /** Success if the status is the expected one; otherwise a failure named by the status and problem code. */
    static Outcome expect(LoadClient.Answer answer, int status) {
        if (answer.status() == status) {
            return Outcome.success(answer.completedNanos(), 1);
        }
        return Outcome.failure(answer.completedNanos(), reason(answer));
    }

    /** A batch answer: each item answered 201 counts as done, every other item as failed. */
    static Outcome batchOutcome(LoadClient.Answer answer, int size) {
        if (answer.status() != 200) {
            return new Outcome(answer.completedNanos(), 0, size, reason(answer));
        }
        int accepted = count(answer.text(), "\"status\":201");
        if (accepted == size) {
            return Outcome.success(answer.completedNanos(), size);
        }
        String code = problemCode(answer.text());
        return new Outcome(answer.completedNanos(), accepted, size - accepted, "item refused" + (code == null ? "" : " " + code));
    }

    static String reason(LoadClient.Answer answer) {
        if (answer.status() == 0) {
            return answer.failure();
        }
        String code = problemCode(answer.text());
        return "HTTP " + answer.status() + (code == null ? "" : " " + code);
    }

    /** The first {@code "code":"..."} in a body, or null. */
    static String problemCode(String body) {
        int at = body.indexOf("\"code\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 8;
        int to = body.indexOf('"', from);
        return to < 0 ? null : body.substring(from, to);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
