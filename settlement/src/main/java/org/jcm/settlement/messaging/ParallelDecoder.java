package org.jcm.settlement.messaging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a poll's records and checks each entry's own hash on all cores. Decoding is most of
 * the consumer's CPU time and each record's is independent; only folding, which needs order,
 * stays on the consumer thread. Small polls (live traffic) are decoded on the calling thread.
 */
final class ParallelDecoder {

    /** Below this many records, handing work to other threads costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 256;

    private final ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            p -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                thread.setName("settlement-ledger-decoder-" + thread.getPoolIndex());
                return thread;
            }, null, false);

    /**
     * For each record of the ledger that is not a known duplicate, its {@link LedgerEntry} (with
     * its own hash checked when {@code verifyHashes}) or the {@link EntryFormatException} decoding
     * it raised; null for the records skipped. Failures are returned, not thrown: a malformed
     * record only stops the consumer if it turns out to be the next entry.
     */
    Object[] decodeAll(List<ConsumerRecord<String, byte[]>> records, String ledgerId, long foldedSeq,
                       boolean verifyHashes) {
        Object[] results = new Object[records.size()];
        IntStream indexes = IntStream.range(0, records.size());
        if (records.size() < PARALLEL_THRESHOLD) {
            indexes.forEach(i -> results[i] = decodeOne(records.get(i), ledgerId, foldedSeq, verifyHashes));
            return results;
        }
        try {
            pool.submit(() -> indexes.parallel().forEach(
                    i -> results[i] = decodeOne(records.get(i), ledgerId, foldedSeq, verifyHashes))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding failed", e.getCause());
        }
        return results;
    }

    private static Object decodeOne(ConsumerRecord<String, byte[]> record, String ledgerId, long foldedSeq,
                                    boolean verifyHashes) {
        if (!Objects.equals(record.key(), ledgerId)) {
            return null;
        }
        long header = EntryDecoder.headerSeq(record.headers());
        if (header > 0 && header <= foldedSeq) {
            return null;
        }
        try {
            LedgerEntry entry = EntryDecoder.decode(record.value());
            if (header > 0 && header != entry.seq()) {
                throw new EntryFormatException("header seq " + header + " differs from entry seq " + entry.seq());
            }
            if (verifyHashes) {
                EntryDecoder.verifyOwnHash(entry);
            }
            return entry;
        } catch (EntryFormatException e) {
            return e;
        }
    }
}
