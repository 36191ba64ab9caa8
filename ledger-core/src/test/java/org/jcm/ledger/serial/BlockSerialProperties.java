package org.jcm.ledger.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/**
 * Block serials with and without a numbering host: every serial formats to text that parses back to
 * it, and a serial in the project's first host's line is written exactly as before multi-country
 * projects (so serials of existing ledgers, and the events that carry them, keep their text).
 */
class BlockSerialProperties {

    @Provide
    Arbitrary<PartyCode> parties() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(3).map(PartyCode::new);
    }

    @Provide
    Arbitrary<ProjectId> projects() {
        return Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(2), Arbitraries.integers().between(0, 999))
                .as((alpha2, n) -> new ProjectId(alpha2 + String.format("%03d", n)));
    }

    @Provide
    Arbitrary<UnitRange> ranges() {
        return Arbitraries.longs().between(1, Quantity.MAX).flatMap(first -> Arbitraries.longs().between(first, Quantity.MAX)
                .map(last -> UnitRange.of(first, last)));
    }

    @Property(tries = 1000)
    void every_serial_parses_back_from_its_text(@ForAll("projects") ProjectId project, @ForAll("parties") PartyCode projectHost,
                                                @ForAll("parties") PartyCode numberingHost,
                                                @ForAll @net.jqwik.api.constraints.IntRange(min = 2013, max = 2100) int year,
                                                @ForAll("ranges") UnitRange range) {
        BlockSerial serial = BlockSerial.of(project, projectHost, numberingHost, Vintage.of(year), range);
        assertThat(BlockSerial.parse(serial.format())).isEqualTo(serial);
        assertThat(serial.hostOr(projectHost)).isEqualTo(numberingHost);
    }

    @Property(tries = 1000)
    void a_serial_in_the_first_host_s_line_is_written_as_before(@ForAll("projects") ProjectId project,
                                                                 @ForAll("parties") PartyCode host,
                                                                 @ForAll @net.jqwik.api.constraints.IntRange(min = 2013, max = 2100) int year,
                                                                 @ForAll("ranges") UnitRange range) {
        BlockSerial serial = BlockSerial.of(project, host, host, Vintage.of(year), range);
        assertThat(serial.numberingHost()).isEqualTo(Optional.empty());
        assertThat(serial.format()).isEqualTo("JCM-" + project.value() + "-" + year + "-" + range.first() + "-" + range.last());
    }
}
