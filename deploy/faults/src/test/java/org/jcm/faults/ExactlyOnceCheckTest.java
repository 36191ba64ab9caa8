package org.jcm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactlyOnceCheckTest {

    private final Phase phase = new Phase("registry-kill", "fault-x-0-");

    @Test
    void acknowledgedTransfersFoundOnceAtTheirSeqPass() {
        String a = phase.nextKey();
        String b = phase.nextKey();
        phase.record(Outcome.of(a, 201, 10, 1));
        phase.record(Outcome.of(b, 201, 11, 2));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(a, List.of(10L), b, List.of(11L)), phase);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.acknowledged()).isEqualTo(2);
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.duplicated()).isZero();
    }

    @Test
    void anAcknowledgedTransferMissingOrElsewhereIsLost() {
        String missing = phase.nextKey();
        String elsewhere = phase.nextKey();
        phase.record(Outcome.of(missing, 201, 10, 1));
        phase.record(Outcome.of(elsewhere, 201, 11, 1));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(elsewhere, List.of(12L)), phase);

        assertThat(verdict.lost()).isEqualTo(2);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems()).anyMatch(p -> p.contains(missing) && p.contains("no event"));
    }

    @Test
    void aKeyInTwoEventsIsDuplicated() {
        String key = phase.nextKey();
        phase.record(Outcome.of(key, 201, 10, 1));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(key, List.of(10L, 14L)), phase);

        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aRefusedRequestThatLeftAnEventIsAPartialEffect() {
        String clean = phase.nextKey();
        String partial = phase.nextKey();
        phase.record(Outcome.of(clean, 409, 0, 1));
        phase.record(Outcome.of(partial, 422, 0, 1));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(partial, List.of(20L)), phase);

        assertThat(verdict.refused()).isEqualTo(2);
        assertThat(verdict.partial()).isEqualTo(1);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void unknownOutcomesAreSettledByTheLedgerAndTheRetry() {
        String in = phase.nextKey();
        String out = phase.nextKey();
        String outRefused = phase.nextKey();
        phase.record(Outcome.noAnswer(in, 1));
        phase.record(Outcome.of(out, 503, 0, 1));
        phase.record(Outcome.of(outRefused, 500, 0, 1));
        phase.resolve(in, new Outcome.Resolution(true, 201, 30));
        phase.resolve(out, new Outcome.Resolution(false, 201, 41));
        phase.resolve(outRefused, new Outcome.Resolution(false, 409, 0));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(in, List.of(30L), out, List.of(41L)), phase);

        assertThat(verdict.unknownIn()).isEqualTo(1);
        assertThat(verdict.unknownOut()).isEqualTo(2);
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aRetryThatContradictsTheLedgerIsReported() {
        String replayedElsewhere = phase.nextKey();
        String refusedButIn = phase.nextKey();
        phase.record(Outcome.noAnswer(replayedElsewhere, 1));
        phase.record(Outcome.noAnswer(refusedButIn, 1));
        phase.resolve(replayedElsewhere, new Outcome.Resolution(true, 201, 31));
        phase.resolve(refusedButIn, new Outcome.Resolution(true, 409, 0));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(),
                Map.of(replayedElsewhere, List.of(30L), refusedButIn, List.of(33L)), phase);

        assertThat(verdict.retryMismatch()).isEqualTo(2);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void anUnknownOutcomeWhoseRetryNeverAnsweredIsUnresolved() {
        String key = phase.nextKey();
        phase.record(Outcome.noAnswer(key, 1));
        phase.resolve(key, new Outcome.Resolution(false, 503, 0));

        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(), Map.of(), phase);

        assertThat(verdict.unresolved()).isEqualTo(1);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aLedgerEventWithAKeyNeverSentIsUnexplainedButOtherPhasesKeysAreIgnored() {
        ExactlyOnceCheck.Verdict verdict = ExactlyOnceCheck.check(phase.outcomes(),
                Map.of("fault-x-0-99", List.of(5L), "fault-x-1-1", List.of(6L)), phase);

        assertThat(verdict.unexplained()).isEqualTo(1);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void phaseBookkeeping() {
        String a = phase.nextKey();
        String b = phase.nextKey();
        assertThat(phase.pendingCount()).isEqualTo(2);
        phase.record(Outcome.of(a, 201, 7, 100));
        phase.record(Outcome.of(a, 500, 0, 200));
        assertThat(phase.outcomes()).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo(Outcome.State.ACKNOWLEDGED));
        assertThat(phase.firstAcknowledgedAfter(50)).hasValue(100);
        assertThat(phase.firstAcknowledgedAfter(150)).isEmpty();
        phase.abandonPending(300);
        assertThat(phase.unknown()).extracting(Outcome::key).containsExactly(b);
        assertThat(phase.pendingCount()).isZero();
        assertThatThrownBy(() -> phase.record(Outcome.of("other-1", 201, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> phase.resolve(a, new Outcome.Resolution(true, 201, 7))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoveryCountsOnlyRequestsSentAfterTheFault() {
        String before = phase.nextKey();
        long fault = System.nanoTime();
        String after = phase.nextKey();
        phase.record(Outcome.of(before, 201, 1, System.nanoTime()));
        assertThat(phase.firstAcknowledgedSentAfter(fault)).isEmpty();
        long answered = System.nanoTime();
        phase.record(Outcome.of(after, 201, 2, answered));
        assertThat(phase.firstAcknowledgedSentAfter(fault)).hasValue(answered);
        assertThat(phase.firstAcknowledgedSentAfter(System.nanoTime())).isEmpty();
    }

    @Test
    void statusesAreClassified() {
        assertThat(Outcome.of("k", 201, 3, 0).state()).isEqualTo(Outcome.State.ACKNOWLEDGED);
        assertThat(Outcome.of("k", 409, 0, 0).state()).isEqualTo(Outcome.State.REFUSED);
        assertThat(Outcome.of("k", 400, 0, 0).state()).isEqualTo(Outcome.State.REFUSED);
        assertThat(Outcome.of("k", 503, 0, 0).state()).isEqualTo(Outcome.State.UNKNOWN);
        assertThat(Outcome.noAnswer("k", 0).state()).isEqualTo(Outcome.State.UNKNOWN);
    }
}
