package org.jcm.ledger.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jcm.ledger.id.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Exhaustive split arithmetic on small ranges: the classic off-by-one bugs have nowhere to hide. */
class UnitRangeTest {

    @Test
    void every_split_of_every_small_range_keeps_every_unit_exactly_once_and_moves_the_low_end() {
        int checked = 0;
        for (long first = 1; first <= 6; first++) {
            for (long last = first; last <= first + 12; last++) {
                UnitRange r = UnitRange.of(first, last);
                assertThat(r.size()).isEqualTo(last - first + 1);
                for (long n = 1; n < r.size(); n++) {
                    UnitRange.Split s = r.splitLow(n);
                    assertThat(s.low()).isEqualTo(r.low(n));
                    assertThat(s.high()).isEqualTo(r.high(n));
                    assertThat(s.low().size()).isEqualTo(n);
                    assertThat(s.low().size() + s.high().size()).isEqualTo(r.size());
                    assertThat(s.low().first()).isEqualTo(r.first());
                    assertThat(s.high().last()).isEqualTo(r.last());
                    assertThat(s.high().first()).isEqualTo(s.low().last() + 1);
                    assertThat(s.low().overlaps(s.high())).isFalse();
                    for (long u = first; u <= last; u++) {
                        assertThat(s.low().contains(u) ^ s.high().contains(u)).as("unit %d in exactly one part", u).isTrue();
                    }
                    assertThat(r.contains(s.low())).isTrue();
                    assertThat(r.contains(s.high())).isTrue();
                    checked++;
                }
                assertThat(r.low(r.size())).isEqualTo(r);
            }
        }
        assertThat(checked).isEqualTo(6 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12));
    }

    @Test
    void splitting_nothing_or_everything_off_is_refused() {
        UnitRange r = UnitRange.of(10, 14);
        assertThatThrownBy(() -> r.splitLow(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.splitLow(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.high(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.low(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitRange.of(1, 1).splitLow(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intersections_and_overlaps_agree_unit_by_unit() {
        for (long a = 1; a <= 8; a++) {
            for (long b = a; b <= 8; b++) {
                for (long c = 1; c <= 8; c++) {
                    for (long d = c; d <= 8; d++) {
                        UnitRange x = UnitRange.of(a, b);
                        UnitRange y = UnitRange.of(c, d);
                        long common = 0;
                        for (long u = 1; u <= 8; u++) {
                            if (x.contains(u) && y.contains(u)) {
                                common++;
                            }
                        }
                        assertThat(x.overlaps(y)).isEqualTo(common > 0);
                        UnitRange i = x.intersection(y);
                        assertThat(i == null ? 0 : i.size()).isEqualTo(common);
                    }
                }
            }
        }
    }

    @Test
    void ranges_stay_within_one_to_two_to_the_53_minus_one() {
        assertThat(UnitRange.of(1, Quantity.MAX).size()).isEqualTo(Quantity.MAX);
        assertThatThrownBy(() -> UnitRange.of(0, 5)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UnitRange.of(5, 4)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UnitRange.of(1, Quantity.MAX + 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> UnitRange.ofSize(3, 0)).isInstanceOf(InvalidValueException.class);
        assertThat(UnitRange.ofSize(1001, 250)).isEqualTo(UnitRange.of(1001, 1250));
    }

    @Test
    void quantities_are_from_one_to_two_to_the_53_minus_one() {
        assertThat(Quantity.of(1).tonnes()).isEqualTo(1);
        assertThat(Quantity.of(Quantity.MAX).tonnes()).isEqualTo(9007199254740991L);
        assertThatThrownBy(() -> Quantity.of(0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Quantity.of(-1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Quantity.of(Quantity.MAX + 1)).isInstanceOf(InvalidValueException.class);
        assertThat(Quantity.parse("250")).isEqualTo(Quantity.of(250));
        assertThatThrownBy(() -> Quantity.parse("025")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Quantity.parse("1e3")).isInstanceOf(InvalidValueException.class);
    }
}
