package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of canonicalization over random value trees: round trip, order invariance, sorting. */
class JcsPropertiesTest {

    @Provide
    Arbitrary<Object> trees() {
        return JsonValues.trees();
    }

    @Property(tries = 1000)
    void parsing_the_canonical_form_gives_back_the_value(@ForAll("trees") Object value) {
        assertThat(Json.parse(Jcs.canonicalize(value))).isEqualTo(value);
    }

    @Property(tries = 1000)
    void member_order_does_not_change_the_canonical_form(@ForAll("trees") Object value, @ForAll Random random) {
        Object reordered = JsonValues.shuffled(value, random);

        assertThat(Jcs.canonicalize(reordered)).isEqualTo(Jcs.canonicalize(value));
    }

    @Property(tries = 1000)
    void canonicalizing_is_idempotent(@ForAll("trees") Object value) {
        String canonical = Jcs.canonicalize(value);

        assertThat(Jcs.canonicalize(Json.parse(canonical))).isEqualTo(canonical);
    }

    @Property(tries = 1000)
    void the_compact_writer_round_trips_through_the_parser(@ForAll("trees") Object value) {
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Property(tries = 1000)
    void canonical_bytes_are_the_utf8_of_the_canonical_text(@ForAll("trees") Object value) {
        assertThat(new String(Jcs.canonicalBytes(value), StandardCharsets.UTF_8)).isEqualTo(Jcs.canonicalize(value));
    }

    @Property(tries = 1000)
    void object_members_appear_in_utf16_code_unit_order_at_every_level(@ForAll("trees") Object value) {
        assertMembersSorted(Json.parse(Jcs.canonicalize(value)));
    }

    private static void assertMembersSorted(Object value) {
        if (value instanceof Map) {
            List<String> names = new ArrayList<>();
            ((Map<?, ?>) value).keySet().forEach(name -> names.add((String) name));
            assertThat(names).isSortedAccordingTo(String::compareTo);
            ((Map<?, ?>) value).values().forEach(JcsPropertiesTest::assertMembersSorted);
        } else if (value instanceof List) {
            ((List<?>) value).forEach(JcsPropertiesTest::assertMembersSorted);
        }
    }
}
