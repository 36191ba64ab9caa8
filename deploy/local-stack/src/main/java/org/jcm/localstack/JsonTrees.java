package org.jcm.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups in the JSON value model of API answers that do not depend on the exact nesting, so the
 * seeding reads an id whether an answer is {@code {id, events}} or the event itself.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** The first string or number under {@code key}, searching depth first in document order. */
    static Optional<String> find(Object tree, String key) {
        if (tree instanceof Map<?, ?> map) {
            Object value = map.get(key);
            if (value instanceof String || value instanceof Number) {
                return Optional.of(value.toString());
            }
            for (Object child : map.values()) {
                Optional<String> found = find(child, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (tree instanceof List<?> list) {
            for (Object child : list) {
                Optional<String> found = find(child, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Every object in the tree that has {@code key} equal to {@code value}. */
    static List<Map<?, ?>> objectsWith(Object tree, String key, String value) {
        List<Map<?, ?>> found = new ArrayList<>();
        collect(tree, key, value, found);
        return found;
    }

    private static void collect(Object tree, String key, String value, List<Map<?, ?>> found) {
        if (tree instanceof Map<?, ?> map) {
            if (value.equals(String.valueOf(map.get(key)))) {
                found.add(map);
            }
            map.values().forEach(child -> collect(child, key, value, found));
        } else if (tree instanceof List<?> list) {
            list.forEach(child -> collect(child, key, value, found));
        }
    }
}
