package org.jcm.localstack;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends the demo's mutations to registry-api as the demo actors, each with an Idempotency-Key
 * named after its step (running the seeder again returns the first answers and changes nothing),
 * and carries out a four-eyes action as the registry requires: one actor proposes it, a second one
 * with the {@code approver} claim approves the proposal (docs/four-eyes.md).
 */
final class DemoRequests {

    /** Bump when the scenario changes, so that new requests do not collide with old keys. */
    static final String KEY_PREFIX = "jcm-demo-v4-";

    private final ApiClient registry;
    private final DemoTokens tokens;
    private final Supplier<DemoIds> ids;

    /** {@code ids}: the ids known so far, which name the account holders' scopes. */
    DemoRequests(ApiClient registry, DemoTokens tokens, Supplier<DemoIds> ids) {
        this.registry = registry;
        this.tokens = tokens;
        this.ids = ids;
    }

    /** POSTs {@code body} as {@code actor} (a tokens-file variable); the answer's JSON, or a refusal. */
    Object post(String step, String key, String path, String actor, Map<String, Object> body)
            throws SeedingException, IOException, InterruptedException {
        return accepted(step, registry.post(path, token(actor), KEY_PREFIX + key, body));
    }

    /** PUTs {@code body} as {@code actor}; the answer's JSON, or a refusal. */
    Object put(String step, String key, String path, String actor, Map<String, Object> body)
            throws SeedingException, IOException, InterruptedException {
        return accepted(step, registry.put(path, token(actor), KEY_PREFIX + key, body));
    }

    /** GETs {@code path} as {@code actor}; the answer's JSON, or a refusal. */
    Object get(String step, String path, String actor) throws SeedingException, IOException, InterruptedException {
        return accepted(step, registry.get(path, token(actor)));
    }

    /**
     * A four-eyes action: {@code proposer} POSTs it to its usual endpoint, which answers with a
     * proposal ({@code PR…}); {@code approver}, a second actor of the same role and scope with
     * {@code approver: true}, approves it. Returns the approval's answer: {@code ProposalApproved}
     * followed by the action's own events, with the action's id.
     */
    Object approved(String step, String key, String path, String proposer, String approver, Map<String, Object> body)
            throws SeedingException, IOException, InterruptedException {
        Object proposal = post(step + " (proposal)", key, path, proposer, body);
        if (!(proposal instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || !id.startsWith("PR")) {
            throw new SeedingException("The answer proposing the " + step + " names no proposal id (PR…): " + proposal);
        }
        return post(step + " (approval of " + id + ")", key + "-approval", "/api/v1/proposals/" + id + "/approve",
                approver, null);
    }

    /**
     * Uploads a PDF as {@code actor} under {@code fileName} ({@code POST /documents}; the same bytes
     * again answer the stored document); its SHA-256, or a refusal.
     */
    String uploadPdf(String step, String fileName, String actor, byte[] pdf)
            throws SeedingException, IOException, InterruptedException {
        Object stored = accepted(step, registry.upload("/api/v1/documents?fileName=" + fileName, token(actor), "application/pdf",
                pdf));
        if (!(stored instanceof Map<?, ?> map) || !(map.get("sha256") instanceof String sha256)) {
            throw new SeedingException("The answer storing the " + step + " names no sha256: " + stored);
        }
        return sha256;
    }

    /** The token of a demo actor by its tokens-file variable. */
    String token(String variable) {
        return DemoActor.all(ids.get()).stream().filter(actor -> actor.variable().equals(variable)).findFirst()
                .map(tokens::mint)
                .orElseThrow(() -> new IllegalArgumentException("No demo actor " + variable));
    }

    private static Object accepted(String step, ApiClient.Answer answer) throws SeedingException {
        if (!answer.isSuccess()) {
            throw SeedingException.refused(step, answer);
        }
        return answer.json();
    }
}
