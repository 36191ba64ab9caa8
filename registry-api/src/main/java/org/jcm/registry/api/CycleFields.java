package org.jcm.registry.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;

/** Parsing of the fields of partners, methodologies and third-party entities; bad values are 400 invalid_field. */
public final class CycleFields {

    private CycleFields() {
    }

    /** A required enum constant, by name (case as documented: upper case). */
    public static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
        Fields.required(field, text);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw Fields.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ".");
    }

    /** An optional ISO 8601 date ({@code 2013-01-08}). */
    public static java.util.Optional<LocalDate> date(String field, String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw Fields.invalid(field, "must be an ISO 8601 date such as 2013-01-08.");
        }
    }

    /** Sectoral scope numbers (1 to 15, no repeats); null is none. */
    public static Set<SectoralScope> scopes(String field, List<Integer> numbers) {
        Set<SectoralScope> scopes = new TreeSet<>();
        if (numbers == null) {
            return scopes;
        }
        for (int i = 0; i < numbers.size(); i++) {
            Integer n = numbers.get(i);
            if (n == null || n < 1 || n > 15) {
                throw Fields.invalid(field + "[" + i + "]", "must be a sectoral scope number from 1 to 15.");
            }
            if (!scopes.add(SectoralScope.ofNumber(n))) {
                throw Fields.invalid(field + "[" + i + "]", "repeats scope " + n + ".");
            }
        }
        return scopes;
    }

    /** A required scope number (1 to 15). */
    public static SectoralScope scope(String field, Integer number) {
        Fields.required(field, number);
        if (number < 1 || number > 15) {
            throw Fields.invalid(field, "must be a sectoral scope number from 1 to 15.");
        }
        return SectoralScope.ofNumber(number);
    }

    /** Party codes (ISO 3166 alpha-3), no repeats; null is none. */
    public static Set<PartyCode> parties(String field, List<String> codes) {
        Set<PartyCode> parties = new TreeSet<>();
        if (codes == null) {
            return parties;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!parties.add(Fields.parse(field + "[" + i + "]", codes.get(i), PartyCode::parse))) {
                throw Fields.invalid(field + "[" + i + "]", "repeats " + codes.get(i).toUpperCase(Locale.ROOT) + ".");
            }
        }
        return parties;
    }

    /** Scope numbers of a set, ascending (for answers). */
    public static List<Integer> numbers(Set<SectoralScope> scopes) {
        return scopes.stream().sorted().map(SectoralScope::number).toList();
    }
}
