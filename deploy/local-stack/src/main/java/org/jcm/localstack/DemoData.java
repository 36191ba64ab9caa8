package org.jcm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Optional;
import org.jcm.embedded.JwtIssuer;

/**
 * The demo data and the demo actors' tokens for a program that starts the services on its own
 * rather than through the launcher (the fault harness, {@code deploy/faults}): it loads the same
 * data through the API as the launcher does and mints the same tokens, so both stacks hold the
 * same ledger, while the launcher's parts (seeder, actors, API client) stay its own. It registers no
 * webhook endpoints: they need the launcher's receiver.
 */
public final class DemoData {

    /** registry-api's module, also its service name in logs and data folders. */
    public static final String REGISTRY_SERVICE = LocalStack.REGISTRY;
    /** settlement's module, also its service name in logs and data folders. */
    public static final String SETTLEMENT_SERVICE = LocalStack.SETTLEMENT;

    private final DemoTokens tokens;
    private final Progress progress;
    private DemoIds ids = DemoIds.EXPECTED;

    /** Tokens signed by {@code issuer}, minted as of {@code now}; seeding reports its steps to {@code progress}. */
    public DemoData(JwtIssuer issuer, Instant now, Progress progress) {
        this.tokens = new DemoTokens(issuer, now);
        this.progress = progress;
    }

    /**
     * Loads the demo data through registry-api at {@code registry} (and settlement's trades, when
     * {@code settlement} is given); returns when every step was answered.
     *
     * @throws IllegalStateException when the API refuses a step
     */
    public void seed(HttpClient http, URI registry, Optional<URI> settlement)
            throws IOException, InterruptedException {
        try {
            ids = new DemoSeeder(new ApiClient(http, registry), settlement.map(uri -> new ApiClient(http, uri)), tokens,
                    progress, Instant.now(), Optional.empty()).seed();
        } catch (SeedingException e) {
            throw new IllegalStateException("Demo data not loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the Japanese company's transfer policy to no approval and no delay, as the Mongolian
     * company's is, so that transfers between the two demo accounts execute at once in both
     * directions (the fault harness's load). The demo itself keeps a 26-hour delay for the
     * Japanese company's transfers to untrusted accounts.
     *
     * @throws IllegalStateException when the API refuses it
     */
    public void openTransfersBothWays(HttpClient http, URI registry) throws IOException, InterruptedException {
        try {
            new DemoControls(new DemoRequests(new ApiClient(http, registry), tokens, () -> ids), progress)
                    .openJapaneseTransfers(ids);
        } catch (SeedingException e) {
            throw new IllegalStateException("Transfer policy not set: " + e.getMessage(), e);
        }
    }

    /** The holding account of the Mongolian demo company (what a fresh ledger assigns until {@link #seed} answered). */
    public String mongolianAccount() {
        return ids.mongolianAccount();
    }

    /** The holding account of the Japanese demo company. */
    public String japaneseAccount() {
        return ids.japaneseAccount();
    }

    /** A token of a demo actor by its tokens-file variable, e.g. {@code JCM_TOKEN_AUDITOR}. */
    public String token(String variable) {
        return DemoActor.all(ids).stream().filter(actor -> actor.variable().equals(variable)).findFirst()
                .map(tokens::mint).orElseThrow(() -> new IllegalArgumentException("No demo actor " + variable));
    }
}
