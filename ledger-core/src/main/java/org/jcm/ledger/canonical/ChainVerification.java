package org.jcm.ledger.canonical;

import java.util.Objects;

/** The outcome of walking a hash chain: intact up to a head, or broken at one precise entry. */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    /** The state before the first entry: nothing checked, head seq 0, head hash 64 zeros. */
    Intact GENESIS = new Intact(0, HashChain.ZERO_HEX, 0);

    /** Returns whether every entry checked so far was consistent. */
    default boolean isIntact() {
        return this instanceof Intact;
    }

    /**
     * Every entry checked was consistent; {@code lastSeq} and {@code lastHash} (lowercase hex) are
     * the head reached, from which a later page of entries can continue.
     */
    record Intact(long lastSeq, String lastHash, long entriesChecked) implements ChainVerification {

        /** Checks that the head hash is well-formed lowercase hex and the counters are not negative. */
        public Intact {
            HashChain.fromHex(lastHash);
            if (lastSeq < 0 || entriesChecked < 0) {
                throw new IllegalArgumentException("lastSeq and entriesChecked must not be negative");
            }
        }
    }

    /**
     * The chain breaks at the entry whose stored sequence number is {@code seq}; {@code expected}
     * and {@code found} are the values that disagree (sequence numbers as decimal, hashes as hex).
     */
    record Broken(long seq, Problem problem, String expected, String found) implements ChainVerification {

        /** Checks that every component is present. */
        public Broken {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(found, "found");
        }

        /** Returns one sentence for logs and operators. */
        public String describe() {
            return "chain broken at seq " + seq + ": " + problem.meaning + "; expected " + expected + ", found " + found;
        }
    }

    /** What is wrong with an entry, in the order the checks run: the first that fails is reported. */
    enum Problem {
        /** The sequence number is not one more than the previous one: a gap, a repeat or a reordering. */
        SEQUENCE_GAP("sequence number is not the previous one plus 1"),
        /** The entry's prevHash is not the previous entry's hash (or 64 zeros for seq 1). */
        PREV_HASH_MISMATCH("prevHash is not the previous entry's hash"),
        /** The entry's hash is not SHA-256(prevHash || canonical event bytes). */
        HASH_MISMATCH("hash is not SHA-256(prevHash || JCS(event))");

        private final String meaning;

        Problem(String meaning) {
            this.meaning = meaning;
        }

        /** Returns one phrase saying what the problem means. */
        public String meaning() {
            return meaning;
        }
    }
}
