package org.jcm.settlement.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.state.InconsistentEventException;
import org.jcm.ledger.state.LedgerState;
import org.jcm.settlement.apply.BatchEffects;
import org.jcm.settlement.apply.EventFolder;
import org.jcm.settlement.persistence.Position;
import org.jcm.settlement.witness.LeafBatch;

/**
 * One pass over the ledger topic from its first record: folds every entry into a fresh
 * {@link LedgerState} and collects the effects of entries after the stored position.
 *
 * <p>Ordering rules, which make application exactly once and in order whatever the topic holds:
 * an entry whose seq is at most the last folded one is a duplicate and is skipped; only the entry
 * with exactly the next seq is applied; an entry with a later seq opens a gap and is skipped
 * (not applied out of order) while the consumer reads on for the missing one. When the missing
 * entry is found, the consumer seeks back to the first skipped record and reads them again.
 *
 * <p>Every folded entry beyond the witness's tree (seq above its size) is also a new leaf of that
 * tree, whether or not its effects were applied before: the tree catches up with the ledger on its
 * own, and a rebuild, which applies the ledger again, leaves it as it is.
 */
final class ConsumerSession {

    /** The result of reading one poll's records: effects and new leaves to commit together. */
    record PollResult(BatchEffects effects, LeafBatch leaves, long seekBackTo) {

        boolean isEmpty() {
            return effects.isEmpty() && leaves.isEmpty();
        }
    }

    private final String ledgerId;
    private final boolean verifyChain;
    private final Position stored;
    private final EventFolder folder = new EventFolder(new LedgerState());
    private final ParallelDecoder decoder;
    private String foldedHash = HashChain.ZERO_HEX;
    private volatile long appliedSeq;
    private volatile java.time.Instant appliedAt;
    private long gapOffset = -1;
    private long gapSeq;
    private long treeSize;
    private List<byte[]> leaves = new ArrayList<>();

    ConsumerSession(String ledgerId, boolean verifyChain, Position stored, long treeSize, ParallelDecoder decoder) {
        this.treeSize = treeSize;
        this.decoder = decoder;
        this.ledgerId = ledgerId;
        this.verifyChain = verifyChain;
        this.stored = stored;
        this.appliedSeq = stored.lastSeq();
        this.appliedAt = stored.lastAt();
    }

    long foldedSeq() {
        return folder.state().lastSeq();
    }

    long appliedSeq() {
        return appliedSeq;
    }

    /** The event time of the last applied entry, or null. */
    java.time.Instant appliedAt() {
        return appliedAt;
    }

    /** Called (by the writer thread) after the batch's transaction committed. */
    void committed(BatchEffects effects) {
        appliedSeq = effects.toSeq();
        appliedAt = effects.lastAt();
    }

    /** The seq the consumer waits for while a gap is open, else 0. */
    long waitingForSeq() {
        return gapOffset < 0 ? 0 : foldedSeq() + 1;
    }

    /** The seq of the first entry seen beyond the gap, for messages. */
    long gapSeq() {
        return gapSeq;
    }

    /**
     * Reads one poll's records in offset order. Returns the effects to commit and, when a gap was
     * closed in this poll, the offset to seek back to (else -1); the records after the one that
     * closed the gap are not read, because the seek will deliver them again.
     */
    PollResult read(List<ConsumerRecord<String, byte[]>> records) {
        // Effects continue from the last entry already handed to the writer, committed or not.
        BatchEffects effects = new BatchEffects(Math.max(stored.lastSeq(), foldedSeq()));
        long leavesFrom = treeSize;
        leaves = new ArrayList<>();
        Object[] decoded = decoder.decodeAll(records, ledgerId, foldedSeq(), verifyChain);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            if (!Objects.equals(record.key(), ledgerId)) {
                continue;
            }
            long seq = EntryDecoder.headerSeq(record.headers());
            long next = foldedSeq() + 1;
            if (seq > 0 && seq < next) {
                continue;
            }
            if (seq > next) {
                skipBeyondGap(record.offset(), seq);
                continue;
            }
            LedgerEntry entry = decoded(record, decoded[i]);
            if (entry.seq() < next) {
                continue;
            }
            if (entry.seq() > next) {
                skipBeyondGap(record.offset(), entry.seq());
                continue;
            }
            fold(record.offset(), entry, effects);
            if (gapOffset >= 0) {
                long seekBackTo = gapOffset;
                gapOffset = -1;
                return new PollResult(effects, new LeafBatch(leavesFrom, leaves), seekBackTo);
            }
        }
        return new PollResult(effects, new LeafBatch(leavesFrom, leaves), -1);
    }

    private void skipBeyondGap(long offset, long seq) {
        if (gapOffset < 0) {
            gapOffset = offset;
            gapSeq = seq;
        }
    }

    /** The entry the parallel decoder produced for a record, or its failure, now that it is needed. */
    private static LedgerEntry decoded(ConsumerRecord<String, byte[]> record, Object result) {
        if (result instanceof LedgerEntry entry) {
            return entry;
        }
        EntryFormatException e = result instanceof EntryFormatException failure ? failure
                : new EntryFormatException("the record was not decoded");
        throw new FatalEntryException(record.offset(), e.getMessage(), e);
    }

    private void fold(long offset, LedgerEntry entry, BatchEffects effects) {
        try {
            if (verifyChain) {
                // The entry's own hash was checked when it was decoded; what is left is the link.
                EntryDecoder.verifyFollows(entry, foldedHash);
            }
            if (entry.seq() <= stored.lastSeq()) {
                folder.foldOnly(entry.event());
                if (entry.seq() == stored.lastSeq() && !entry.hash().equals(stored.lastHash())) {
                    throw new EntryFormatException("entry " + entry.seq() + " on the topic has hash " + entry.hash()
                            + " but the applied one had " + stored.lastHash() + "; the topic holds another ledger");
                }
            } else {
                folder.fold(entry.event(), entry.hash(), effects);
            }
            foldedHash = entry.hash();
            if (entry.seq() == treeSize + 1) {
                leaves.add(MerkleHash.leaf(entry.canonicalEvent()));
                treeSize++;
            }
        } catch (EntryFormatException | InconsistentEventException e) {
            throw new FatalEntryException(offset, e.getMessage(), e);
        }
    }
}
