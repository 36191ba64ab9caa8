package org.jcm.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a counter from the service under test's {@code GET /q/metrics} (Prometheus text format, on the management port),
 * so that a test can check that something did not happen inside the service (a writer rebuild).
 */
public final class Metrics {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    private Metrics() {
    }

    /**
     * The sum of every sample of {@code name} (all label sets), or 0 when the service does not
     * expose it (yet): a counter that was never created has counted nothing.
     */
    public static double sum(String name) {
        return sum(scrape(), name);
    }

    /** The service under test's {@code /q/metrics} text. */
    public static String scrape() {
        return Management.given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of one series written as Prometheus writes it, {@code name{label="value",...}}, in
     * Prometheus text: the sum of the samples of {@code name} whose labels include those (see
     * {@link #sum(String, String, Map)}), 0 when there is none.
     */
    public static double series(String prometheusText, String series) {
        int brace = series.indexOf('{');
        if (brace < 0) {
            return sum(prometheusText, series, Map.of());
        }
        return sum(prometheusText, series.substring(0, brace), labelsOf(series));
    }

    /**
     * The sum of the samples of {@code name} in Prometheus text whose labels include every one of
     * {@code labels} (in any order, whatever other labels they have), or 0 when there is none.
     */
    public static double sum(String prometheusText, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(name + "{") && labelsOf(line).entrySet().containsAll(labels.entrySet())) {
                total += Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
            } else if (labels.isEmpty() && line.startsWith(name + " ")) {
                total += Double.parseDouble(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        return total;
    }

    private static Map<String, String> labelsOf(String line) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = LABEL.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1));
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    /** The sum of every sample of {@code name} in Prometheus text. */
    static double sum(String prometheusText, String name) {
        double total = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!rest.startsWith(" ") && !rest.startsWith("{")) {
                // Another metric whose name starts with this one.
                continue;
            }
            // name{labels} value [timestamp]: the value is the first word after the labels.
            String afterLabels = rest.startsWith("{") ? rest.substring(rest.lastIndexOf('}') + 1) : rest;
            String value = afterLabels.trim().split("\\s+")[0];
            total += Double.parseDouble(value);
        }
        return total;
    }
}
