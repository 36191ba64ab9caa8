package org.jcm.registry.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/** Checks the {@code Idempotency-Key} header: 1 to 128 visible ASCII characters (0x21 to 0x7E). */
public final class IdempotencyKeys {

    /** The header every mutation carries. */
    public static final String HEADER = "Idempotency-Key";
    /** The longest key. */
    public static final int MAX_LENGTH = 128;
    public static final String REQUIRED = "idempotency_key_required";
    public static final String INVALID = "invalid_idempotency_key";
    public static final String REUSED = "idempotency_key_reused";
    /** A transfer batch whose items repeat a key, or use the batch's own key. */
    public static final String DUPLICATE = "duplicate_idempotency_key";
    /** The most item errors a refused batch lists. */
    static final int MAX_LISTED = 20;

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

    /**
     * Refuses a transfer batch whose items' keys are not all different from each other and from the
     * batch's own key: 400 {@code duplicate_idempotency_key}, naming each item at fault. Every key
     * names one outcome of one request, so such a batch could only fail in the writer's commit.
     * Items without a key (refused one by one) are left out.
     *
     * @param batchKey the batch's {@code Idempotency-Key}
     * @param itemKeys each item's {@code idempotencyKey}, in order, null where absent
     */
    public static void requireDistinct(String batchKey, List<String> itemKeys) {
        Map<String, Integer> firstItem = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < itemKeys.size(); i++) {
            String key = itemKeys.get(i);
            if (key == null || key.isEmpty()) {
                continue;
            }
            String detail = null;
            if (key.equals(batchKey)) {
                detail = "is the batch's own " + HEADER + "; every item needs a key of its own.";
            } else {
                Integer earlier = firstItem.putIfAbsent(key, i);
                if (earlier != null) {
                    detail = "repeats the key of items[" + earlier + "]; every item needs a key of its own.";
                }
            }
            if (detail != null) {
                duplicates++;
                if (errors.size() < MAX_LISTED) {
                    errors.add(new FieldError("items[" + i + "].idempotencyKey", detail));
                }
            }
        }
        if (duplicates > 0) {
            throw new ProblemException(400, DUPLICATE, duplicates + (duplicates == 1 ? " item uses" : " items use")
                    + " a key that the batch or an earlier item already uses; nothing was applied.", errors);
        }
    }
}
