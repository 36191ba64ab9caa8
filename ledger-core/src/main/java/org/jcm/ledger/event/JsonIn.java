package org.jcm.ledger.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed view of one JSON object of an event being decoded: each accessor throws
 * {@link EventFormatException} naming the field's path (e.g. {@code event.ranges[0].first}) when the
 * field is missing or of the wrong type. Decoding a valid event builds no path strings.
 */
final class JsonIn {

    private final Map<String, Object> map;
    /** The object containing this one (null for the event), and this one's member name and array index (or -1). */
    private final JsonIn parent;
    private final String name;
    private final int index;

    /**
     * The path to this object ({@code event.ranges[0]}) is kept in parts and spelled out only
     * for an error message, so that decoding a valid event builds no path strings.
     */
    JsonIn(Map<String, Object> map, JsonIn parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
        if (map == null) {
            throw new EventFormatException(path() + " is missing");
        }
        this.map = map;
    }

    /** The path to this object for messages, e.g. {@code event.ranges[0]}. */
    String path() {
        String own = index < 0 ? name : name + "[" + index + "]";
        return parent == null ? own : parent.path() + "." + own;
    }

    boolean has(String field) {
        return map.get(field) != null;
    }

    Object get(String field) {
        Object o = map.get(field);
        if (o == null) {
            throw new EventFormatException(path() + "." + field + " is missing");
        }
        return o;
    }

    String string(String field) {
        Object o = get(field);
        return o instanceof String s ? s : str(o, path() + "." + field);
    }

    Optional<String> optionalString(String field) {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    long longValue(String field) {
        Object o = get(field);
        return o instanceof Long l ? l : integral(o, path() + "." + field);
    }

    int intValue(String field) {
        return Math.toIntExact(longValue(field));
    }

    LocalDate date(String field) {
        return LocalDate.parse(string(field));
    }

    Optional<LocalDate> optionalDate(String field) {
        return has(field) ? Optional.of(date(field)) : Optional.empty();
    }

    /** An array of strings; an absent member is an empty list when {@code optional}. */
    List<String> strings(String field, boolean optional) {
        if (optional && !has(field)) {
            return List.of();
        }
        List<?> list = list(field);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            out.add(str(list.get(i), path() + "." + field + "[" + i + "]"));
        }
        return out;
    }

    /** An array of sectoral scope numbers; an absent member is no scope (events written before scopes existed). */
    java.util.Set<org.jcm.ledger.id.SectoralScope> scopes(String field) {
        if (!has(field)) {
            return java.util.Set.of();
        }
        List<?> list = list(field);
        List<org.jcm.ledger.id.SectoralScope> out = new ArrayList<>(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            out.add(org.jcm.ledger.id.SectoralScope.ofNumber(integral(list.get(i), path() + "." + field + "[" + i + "]")));
        }
        return org.jcm.ledger.id.SectoralScope.sortedSet(out);
    }

    <T> T id(String field, Function<String, T> parse) {
        return parse.apply(string(field));
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return Enum.valueOf(type, string(field));
    }

    @SuppressWarnings("unchecked")
    JsonIn object(String field) {
        Object o = get(field);
        if (!(o instanceof Map)) {
            throw new EventFormatException(path() + "." + field + " must be an object");
        }
        return new JsonIn((Map<String, Object>) o, this, field, -1);
    }

    Optional<JsonIn> optionalObject(String field) {
        return has(field) ? Optional.of(object(field)) : Optional.empty();
    }

    List<?> list(String field) {
        Object o = get(field);
        if (!(o instanceof List<?> l)) {
            throw new EventFormatException(path() + "." + field + " must be an array");
        }
        return l;
    }

    List<JsonIn> objects(String field) {
        List<?> list = list(field);
        List<JsonIn> out = new ArrayList<>(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            out.add(element(list, field, i));
        }
        return out;
    }

    /** Element {@code i} of the array {@code list}, member {@code field} of this object, which must be an object. */
    @SuppressWarnings("unchecked")
    JsonIn element(List<?> list, String field, int i) {
        Object o = list.get(i);
        if (!(o instanceof Map)) {
            throw new EventFormatException(path() + "." + field + "[" + i + "] must be an object");
        }
        return new JsonIn((Map<String, Object>) o, this, field, i);
    }

    boolean bool(String field) {
        Object o = get(field);
        if (!(o instanceof Boolean b)) {
            throw new EventFormatException(path() + "." + field + " must be a boolean");
        }
        return b;
    }

    static long integral(Object o, String field) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Integer i) {
            return i;
        }
        if (o instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (o instanceof BigDecimal d) {
            return d.stripTrailingZeros().toBigIntegerExact().longValueExact();
        }
        throw new EventFormatException("field '" + field + "' must be an integer, was " + o);
    }

    static String str(Object o, String field) {
        if (o instanceof String s) {
            return s;
        }
        throw new EventFormatException("field '" + field + "' must be a string, was " + o);
    }
}
