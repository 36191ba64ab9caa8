package org.jcm.deploy.kubernetes;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MicroProfile Config mapping between property names and environment variable names.
 *
 * <p>MicroProfile Config (and SmallRye Config, which Quarkus uses) looks a property up in the
 * environment by replacing every character that is not a letter or a digit with {@code _} and
 * upper-casing: {@code quarkus.datasource.reactive.url} is found as
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL}, {@code jcm.writer.max-batch-size} as
 * {@code JCM_WRITER_MAX_BATCH_SIZE}. The way back is ambiguous (each {@code _} may have been a
 * {@code .}, a {@code -} or a quote), so instead of guessing candidates from a variable, the checks
 * convert every known property to its variable name and compare there, which is exactly the
 * lookup the configuration library does.
 */
final class EnvNames {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private EnvNames() {
    }

    /** The environment variable under which MicroProfile Config finds a property. */
    static String of(String property) {
        return NOT_ALPHANUMERIC.matcher(property).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /** A Java method name in kebab case, as SmallRye Config names @ConfigMapping members by default. */
    static String kebab(String methodName) {
        return CAMEL_HUMP.matcher(methodName).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The Kafka client property that Quarkus passes on for a {@code KAFKA_} variable: Quarkus
     * collects every {@code kafka.*} setting into the default Kafka client configuration and, since
     * environment variables cannot contain dots, turns the {@code _} of a variable into {@code .}.
     */
    static String kafkaClientProperty(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Levenshtein distance, for "did you mean" hints. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
