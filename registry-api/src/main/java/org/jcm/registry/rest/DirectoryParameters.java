package org.jcm.registry.rest;

import java.util.List;
import java.util.Set;

/**
 * Checks the filters of the directory lists ({@code GET /organizations}, {@code GET /accounts}):
 * each is refused with 400 {@code invalid_query_parameter} when it cannot match anything by its
 * shape, rather than answering an empty list for a typo.
 */
final class DirectoryParameters {

    /** The longest name prefix a filter takes (names are at most 200 characters). */
    static final int PREFIX_MAX = 200;

    private DirectoryParameters() {
    }

    /** A registry id such as MNG01, or null. */
    static String registryId(QueryParameters parameters) {
        return matching(parameters, "registryId", "[A-Z]{3}[0-9]{2}", "a registry id such as MNG01");
    }

    /** An organization id such as MNG01-O0001, or null. */
    static String organizationId(QueryParameters parameters) {
        return matching(parameters, "organizationId", "[A-Z]{3}[0-9]{2}-O[0-9]{4,9}", "an organization id such as MNG01-O0001");
    }

    /** The start of a name, 1 to {@value #PREFIX_MAX} characters, compared without regard to case; or null. */
    static String namePrefix(QueryParameters parameters) {
        String value = parameters.get("namePrefix");
        if (value != null && (value.isEmpty() || value.length() > PREFIX_MAX)) {
            throw QueryParameters.invalid("namePrefix", "must be 1 to " + PREFIX_MAX + " characters");
        }
        return value;
    }

    /** One of {@code allowed}, or null. */
    static String oneOf(QueryParameters parameters, String name, List<String> allowed) {
        String value = parameters.get(name);
        if (value != null && !allowed.contains(value)) {
            throw QueryParameters.invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** {@code true} or {@code false}, or null. */
    static Boolean bool(QueryParameters parameters, String name) {
        String value = oneOf(parameters, name, List.of("true", "false"));
        return value == null ? null : Boolean.valueOf(value);
    }

    /** The names of the parameters of a directory list: its filters plus paging. */
    static Set<String> with(String... filters) {
        Set<String> names = new java.util.HashSet<>(Set.of(filters));
        names.add("after");
        names.add("limit");
        return Set.copyOf(names);
    }

    private static String matching(QueryParameters parameters, String name, String pattern, String what) {
        String value = parameters.get(name);
        if (value != null && !value.matches(pattern)) {
            throw QueryParameters.invalid(name, "must be " + what);
        }
        return value;
    }
}
