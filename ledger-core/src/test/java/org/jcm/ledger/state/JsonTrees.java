package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for JSON value trees in tests. */
final class JsonTrees {

    private JsonTrees() {
    }

    /** Only maps with string keys, lists, strings, longs and booleans; no nulls. */
    static void assertPlainJson(Object value) {
        assertThat(value).isNotNull();
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertThat(e.getKey()).isInstanceOf(String.class);
                assertPlainJson(e.getValue());
            }
        } else if (value instanceof List<?> l) {
            l.forEach(JsonTrees::assertPlainJson);
        } else {
            assertThat(value).isInstanceOfAny(String.class, Long.class, Boolean.class);
        }
    }

    /**
     * A deep copy in the shape a JSON parser gives back: fresh LinkedHashMaps and ArrayLists;
     * every other integer as a BigDecimal, to check that the codec accepts any integral number.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asParsed(Map<String, Object> json) {
        return (Map<String, Object>) copy(json, new int[1]);
    }

    private static Object copy(Object value, int[] counter) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v, counter)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v, counter)));
            return out;
        }
        if (value instanceof Long n && counter[0]++ % 2 == 1) {
            return BigDecimal.valueOf(n);
        }
        return value;
    }
}
