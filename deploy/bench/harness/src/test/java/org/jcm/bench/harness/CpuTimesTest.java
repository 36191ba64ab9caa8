package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    /** A /proc/<pid>/stat line whose command name holds a space and a parenthesis, as thread names may. */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 52000 0 12 0 "
            + "1500 250 40 10 20 0 57 0 123456 4000000000 150000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void user_and_system_ticks_are_read_after_the_command_name() {
        assertThat(CpuTimes.parseStat(STAT, false)).hasValue(1750);
    }

    @Test
    void the_ticks_of_reaped_children_are_added_when_asked() {
        assertThat(CpuTimes.parseStat(STAT, true)).hasValue(1800);
    }

    @Test
    void a_truncated_line_gives_nothing() {
        assertThat(CpuTimes.parseStat("4242 (java) S 1 2 3", false)).isEmpty();
        assertThat(CpuTimes.parseStat("garbage", false)).isEmpty();
    }

    @Test
    void differences_are_taken_per_process() {
        assertThat(new CpuTimes(500, 300, 100).minus(new CpuTimes(200, 250, 40))).isEqualTo(new CpuTimes(300, 50, 60));
    }
}
