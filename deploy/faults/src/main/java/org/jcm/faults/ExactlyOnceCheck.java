package org.jcm.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the load generator was told with what the ledger holds: every acknowledged
 * transfer exactly once and at the seq its 201 named, no refused one at all, every unknown one at
 * most once and as its idempotent retry says.
 */
public final class ExactlyOnceCheck {

    private ExactlyOnceCheck() {
    }

    /**
     * The verdict for one phase.
     *
     * @param acknowledged requests answered 201
     * @param refused requests answered 4xx
     * @param unknownIn unknown requests the ledger held before the retry (the retry replayed their seq)
     * @param unknownOut unknown requests the ledger did not hold before the retry
     * @param unresolved unknown requests whose retry never got a definite answer
     * @param lost acknowledged requests missing from the ledger or at another seq than their 201 said
     * @param duplicated requests whose key appears in more than one ledger event
     * @param partial refused requests that left an event anyway
     * @param retryMismatch unknown requests whose retry contradicts the ledger
     * @param unexplained ledger events carrying a key of the phase that was never recorded as sent
     * @param problems the first few offending keys, for people
     */
    public record Verdict(long acknowledged, long refused, long unknownIn, long unknownOut, long unresolved,
                          long lost, long duplicated, long partial, long retryMismatch, long unexplained,
                          List<String> problems) {

        public boolean passed() {
            return lost == 0 && duplicated == 0 && partial == 0 && retryMismatch == 0 && unexplained == 0
                    && unresolved == 0;
        }
    }

    /**
     * Checks one phase.
     *
     * @param outcomes the phase's requests, with unknown ones resolved where possible
     * @param ledger the seqs of the transfer events carrying each key of the phase (as memo)
     */
    public static Verdict check(Collection<Outcome> outcomes, Map<String, List<Long>> ledger, Phase phase) {
        long acknowledged = 0, refused = 0, unknownIn = 0, unknownOut = 0, unresolved = 0;
        long lost = 0, duplicated = 0, partial = 0, retryMismatch = 0, unexplained = 0;
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Outcome outcome : outcomes) {
            seen.add(outcome.key());
            List<Long> seqs = ledger.getOrDefault(outcome.key(), List.of());
            if (seqs.size() > 1) {
                duplicated++;
                note(problems, outcome.key() + " is in the ledger " + seqs.size() + " times " + seqs);
            }
            switch (outcome.state()) {
                case ACKNOWLEDGED -> {
                    acknowledged++;
                    if (seqs.isEmpty() || !seqs.contains(outcome.seq())) {
                        lost++;
                        note(problems, outcome.key() + " was acknowledged at seq " + outcome.seq() + " but the ledger has "
                                + (seqs.isEmpty() ? "no event" : "seq " + seqs));
                    }
                }
                case REFUSED -> {
                    refused++;
                    if (!seqs.isEmpty()) {
                        partial++;
                        note(problems, outcome.key() + " was refused (" + outcome.status() + ") but left seq " + seqs);
                    }
                }
                case UNKNOWN -> {
                    Outcome.Resolution resolution = outcome.resolution();
                    if (resolution == null || resolution.retryStatus() == 0 || resolution.retryStatus() >= 500) {
                        unresolved++;
                        note(problems, outcome.key() + " is still unknown after its retries");
                        continue;
                    }
                    if (resolution.wasIn()) {
                        unknownIn++;
                    } else {
                        unknownOut++;
                    }
                    boolean consistent = resolution.retryStatus() == 201
                            ? seqs.size() == 1 && seqs.get(0) == resolution.retrySeq()
                            : seqs.isEmpty() && !resolution.wasIn();
                    if (!consistent) {
                        retryMismatch++;
                        note(problems, outcome.key() + " (unknown, " + (resolution.wasIn() ? "in" : "out")
                                + " before the retry): the retry answered " + resolution.retryStatus()
                                + (resolution.retrySeq() > 0 ? " seq " + resolution.retrySeq() : "") + ", the ledger has " + seqs);
                    }
                }
                default -> throw new IllegalStateException(outcome.state().toString());
            }
        }
        for (Map.Entry<String, List<Long>> entry : ledger.entrySet()) {
            if (phase.owns(entry.getKey()) && !seen.contains(entry.getKey())) {
                unexplained++;
                note(problems, entry.getKey() + " is in the ledger " + entry.getValue() + " but was never recorded as sent");
            }
        }
        return new Verdict(acknowledged, refused, unknownIn, unknownOut, unresolved, lost, duplicated, partial,
                retryMismatch, unexplained, List.copyOf(problems));
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 10) {
            problems.add(problem);
        }
    }
}
