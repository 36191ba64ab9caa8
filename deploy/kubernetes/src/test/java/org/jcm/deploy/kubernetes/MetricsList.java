package org.jcm.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported metrics as docs/operations.md lists them ("What to watch": the table whose header
 * starts {@code | metric | type |}): each name in back quotes in the first column, in Prometheus form.
 */
final class MetricsList {

    static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path OPERATIONS = REPOSITORY.resolve("docs/operations.md");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    private MetricsList() {
    }

    /** Every metric name in the table, in its order. */
    static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : lines(OPERATIONS)) {
            if (line.startsWith("| metric | type |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                Matcher m = NAME.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no metrics table (| metric | type | ...) in " + OPERATIONS);
        }
        return names;
    }

    /**
     * The listed metric a series name belongs to: itself, or without the suffix Prometheus adds to
     * a histogram's or summary's series ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
     */
    static String family(String series, Set<String> listed) {
        if (listed.contains(series)) {
            return series;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
            if (series.endsWith(suffix) && listed.contains(series.substring(0, series.length() - suffix.length()))) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return null;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
