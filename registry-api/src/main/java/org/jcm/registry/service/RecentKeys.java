package org.jcm.registry.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;

/**
 * The idempotency keys the writer decided recently, in the order it decided them, so that retries
 * racing their original produce one effect. It holds every key of the batches numbered above
 * {@link #validFrom()}; a submission whose caller looked PostgreSQL up before that point (its
 * checkpoint is lower) may have missed a key this map no longer holds, so the writer looks its keys
 * up in PostgreSQL again. Writer thread only.
 */
final class RecentKeys {

    /**
     * A remembered key: the request hash, the stored outcome, the live result while its batch is
     * being decided (so that a duplicate in the same batch gets the very same answer), and the batch.
     */
    record Entry(byte[] requestHash, StoredOutcome stored, Object live, long batch) {
    }

    private final int capacity;
    private final LinkedHashMap<SubjectKey, Entry> entries = new LinkedHashMap<>();
    private long validFrom;

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
            entries.put(key, new Entry(entry.requestHash(), entry.stored(), null, entry.batch()));
        }
    }

    /** Forgets the oldest keys beyond the capacity; their batches are no longer fully covered. */
    void evictOverCapacity() {
        Iterator<Map.Entry<SubjectKey, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() > capacity && oldest.hasNext()) {
            validFrom = Math.max(validFrom, oldest.next().getValue().batch());
            oldest.remove();
        }
    }

    void clear() {
        entries.clear();
    }

    /** Nothing from batches up to and including {@code batch} is held any more. */
    void invalidateThrough(long batch) {
        validFrom = Math.max(validFrom, batch);
    }

    /** Submissions with a checkpoint below this must have their keys looked up in PostgreSQL again. */
    long validFrom() {
        return validFrom;
    }

    int size() {
        return entries.size();
    }
}
