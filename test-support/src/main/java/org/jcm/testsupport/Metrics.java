package org.jcm.testsupport;

/**
 * Reads a counter from the service under test's {@code GET /q/metrics} (Prometheus text format, on the management port),
 * so that a test can check that something did not happen inside the service (a writer rebuild).
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of every sample of {@code name} (all label sets), or 0 when the service does not
     * expose it (yet): a counter that was never created has counted nothing.
     */
    public static double sum(String name) {
        String text = Management.given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return sum(text, name);
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
