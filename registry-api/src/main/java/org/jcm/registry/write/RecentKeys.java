package org.jcm.registry.write;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;

/**
 * The idempotency keys the writer decided recently (the last {@code jcm.writer.recent-keys}), in the
 * order it decided them, so that retries racing their original produce one effect without a
 * look-up. A key it does not hold is looked up in PostgreSQL ({@link KeyDecisions}). Writer thread only.
 */
final class RecentKeys {

    /**
     * The result of a key whose batch is still being decided, so that a duplicate in the same batch
     * gets the very same answer: a command's result (item keys) or a submission's outcome (batch keys).
     */
    sealed interface Live {

        /** The live result of a command's key. */
        record Command(CommandResult result) implements Live {
        }

        /** The live outcome of a transfer batch's own key. */
        record Batch(BatchOutcome outcome) implements Live {
        }
    }

    /** A remembered key: the stored outcome, and the live result while its batch is being decided (else null). */
    record Entry(StoredOutcome stored, Live live) {
    }

    private final int capacity;
    private final LinkedHashMap<SubjectKey, Entry> entries = new LinkedHashMap<>();

    RecentKeys(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    Entry get(SubjectKey key) {
        return entries.get(key);
    }

    void put(SubjectKey key, Entry entry) {
        entries.put(key, entry);
    }

    void remove(SubjectKey key) {
        entries.remove(key);
    }

    /** The key's batch committed: drop the live result, keep the stored outcome. */
    void committed(SubjectKey key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.live() != null) {
            entries.put(key, new Entry(entry.stored(), null));
        }
    }

    /** Forgets the oldest keys beyond the capacity; they are looked up in PostgreSQL again when they come back. */
    void evictOverCapacity() {
        Iterator<Map.Entry<SubjectKey, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    void clear() {
        entries.clear();
    }
}
