package org.jcm.ledger.canonical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random JSON value trees in the canonical value model, for property tests. */
final class JsonValues {

    private JsonValues() {
    }

    /** Trees of objects and arrays, up to four levels deep, over every kind of JCS-encodable leaf. */
    static Arbitrary<Object> trees() {
        return Arbitraries.recursive(JsonValues::leaves, JsonValues::containersOf, 0, 4);
    }

    /**
     * Objects of shallow trees, the shape of a ledger event; kept small because chain properties
     * build a dozen of them per try and generating deep trees would dominate the run time.
     */
    static Arbitrary<Map<String, Object>> events() {
        Arbitrary<Object> shallow = Arbitraries.recursive(JsonValues::leaves, JsonValues::containersOf, 0, 1);
        return Arbitraries.maps(strings(), shallow).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static Arbitrary<Object> leaves() {
        Arbitrary<Object> strings = strings().map(s -> s);
        Arbitrary<Object> integers = Arbitraries.longs().between(-Jcs.MAX_SAFE_INTEGER, Jcs.MAX_SAFE_INTEGER).map(n -> n);
        Arbitrary<Object> booleans = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> b);
        return Arbitraries.oneOf(strings, integers, booleans).injectNull(0.1);
    }

    private static Arbitrary<Object> containersOf(Arbitrary<Object> inner) {
        Arbitrary<Object> lists = inner.list().ofMaxSize(4).map(list -> list);
        Arbitrary<Object> maps = Arbitraries.maps(strings(), inner).ofMaxSize(4).map(map -> new LinkedHashMap<>(map));
        return Arbitraries.oneOf(lists, maps);
    }

    /**
     * Strings of well-formed code points, biased towards the characters that canonicalization
     * treats specially: controls, quote, backslash, U+2028, and the BMP/supplementary boundary
     * where UTF-16 order differs from code point order.
     */
    static Arbitrary<String> strings() {
        Arbitrary<Integer> special = Arbitraries.of(0x00, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x22, 0x5c, 0x2f, 0x7f,
                0x80, 0xe9, 0x2028, 0x20ac, 0xd7ff, 0xe000, 0xfb33, 0xffff, 0x10000, 0x1f600, 0x10ffff);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7e);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10ffff)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, ascii), net.jqwik.api.Tuple.of(2, special), net.jqwik.api.Tuple.of(1, any));
        return codePoints.list().ofMaxSize(8).map(JsonValues::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** Returns a deep copy of a tree with the members of every object in a random order. */
    static Object shuffled(Object value, Random random) {
        if (value instanceof Map) {
            List<Map.Entry<?, ?>> members = new ArrayList<>(((Map<?, ?>) value).entrySet());
            Collections.shuffle(members, random);
            Map<String, Object> copy = new LinkedHashMap<>();
            members.forEach(member -> copy.put((String) member.getKey(), shuffled(member.getValue(), random)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(element -> copy.add(shuffled(element, random)));
            return copy;
        }
        return value;
    }
}
