package org.jcm.bench.harness;

import java.util.OptionalDouble;

/** Reads one sample from a Prometheus text exposition ({@code /q/metrics}). */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the first sample named {@code name} whose labels contain {@code labelFragment}
     * (e.g. {@code quantile="0.99"}; empty for any).
     */
    static OptionalDouble value(String exposition, String name, String labelFragment) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ")) {
                continue;
            }
            if (!labelFragment.isEmpty() && !(rest.startsWith("{") && rest.substring(0, rest.indexOf('}') + 1).contains(labelFragment))) {
                continue;
            }
            String[] fields = rest.substring(rest.startsWith("{") ? rest.indexOf('}') + 1 : 0).trim().split("\\s+");
            try {
                return OptionalDouble.of(Double.parseDouble(fields[0]));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
