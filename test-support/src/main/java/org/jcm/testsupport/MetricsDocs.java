package org.jcm.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported metrics docs/operations.md lists ("What to watch", the table whose header starts
 * {@code | metric | type |}), against what the service under test serves on {@code /q/metrics}.
 */
public final class MetricsDocs {

    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    private MetricsDocs() {
    }

    /** The metric names in the first column of the table. */
    public static Set<String> listed(Path operationsMd) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(operationsMd)) {
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
        return names;
    }

    /**
     * The {@code jcm_*} series names the service under test serves now that the table does not list
     * (a histogram's or summary's {@code _bucket}, {@code _count}, {@code _sum} and {@code _max}
     * series count as the listed metric).
     */
    public static Set<String> unlisted(Path operationsMd) throws IOException {
        Set<String> listed = listed(operationsMd);
        String text = Metrics.scrape();
        Set<String> unlisted = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("jcm_")) {
                String series = line.split("[{ ]", 2)[0];
                if (!listed.contains(series) && !listedWithoutSuffix(series, listed)) {
                    unlisted.add(series);
                }
            }
        }
        return unlisted;
    }

    private static boolean listedWithoutSuffix(String series, Set<String> listed) {
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
            if (series.endsWith(suffix) && listed.contains(series.substring(0, series.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }
}
