package org.jcm.registry.rest;

import org.jcm.registry.problem.ProblemException;

/** Checks the {@code Idempotency-Key} header: 1 to 128 visible ASCII characters (0x21 to 0x7E). */
public final class IdempotencyKeys {

    /** The header every mutation carries. */
    public static final String HEADER = "Idempotency-Key";
    /** The longest key. */
    public static final int MAX_LENGTH = 128;
    public static final String REQUIRED = "idempotency_key_required";
    public static final String INVALID = "invalid_idempotency_key";
    public static final String REUSED = "idempotency_key_reused";

    private IdempotencyKeys() {
    }

    /** The key of a mutation: 400 {@code idempotency_key_required} if absent, {@code invalid_idempotency_key} if malformed. */
    public static String require(String header) {
        if (header == null || header.isEmpty()) {
            throw new ProblemException(400, REQUIRED, "Every request that changes the ledger needs an " + HEADER
                    + " header (1 to 128 visible ASCII characters), the same on every retry.");
        }
        String problem = problem(header);
        if (problem != null) {
            throw new ProblemException(400, INVALID, "The " + HEADER + " header " + problem);
        }
        return header;
    }

    /** Why a key is malformed, or null if it is fine. */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "is missing.";
        }
        if (key.length() > MAX_LENGTH) {
            return "is " + key.length() + " characters long; at most " + MAX_LENGTH + " are allowed.";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return "may hold only visible ASCII characters (no spaces or control characters); character "
                        + (i + 1) + " is not one.";
            }
        }
        return null;
    }
}
