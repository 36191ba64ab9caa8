package org.jcm.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTallyTest {

    @Test
    void everySeqInOrderIsComplete() {
        TopicTally tally = new TopicTally();
        for (long seq = 1; seq <= 3000; seq++) {
            tally.add(seq);
        }
        assertThat(tally.complete(3000)).isTrue();
        assertThat(tally.missing(3000)).isZero();
        assertThat(tally.duplicates()).isZero();
        assertThat(tally.complete(3001)).isFalse();
    }

    @Test
    void aResentRunIsCountedAsDuplicatesAndStaysComplete() {
        TopicTally tally = new TopicTally();
        for (long seq : new long[] {1, 2, 3, 4, 3, 4, 5}) {
            tally.add(seq);
        }
        assertThat(tally.duplicates()).isEqualTo(2);
        assertThat(tally.outOfOrder()).isZero();
        assertThat(tally.complete(5)).isTrue();
    }

    @Test
    void aSkippedSeqIsMissingAndOutOfOrder() {
        TopicTally tally = new TopicTally();
        for (long seq : new long[] {1, 2, 4, 3, 5}) {
            tally.add(seq);
        }
        assertThat(tally.missing(5)).isZero();
        assertThat(tally.outOfOrder()).isEqualTo(2);
        assertThat(tally.complete(5)).isFalse();
        assertThat(tally.problems()).first().asString().contains("seq 4 first seen after 2");

        TopicTally gap = new TopicTally();
        gap.add(1);
        gap.add(3);
        assertThat(gap.missing(3)).isEqualTo(1);
    }
}
