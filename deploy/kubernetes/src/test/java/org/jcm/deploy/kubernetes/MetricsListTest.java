package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists exactly the {@code jcm_*} metrics the services register: every
 * {@code jcm.*} meter built in the main sources of registry-api, settlement and service-support,
 * in Prometheus form (a counter gets {@code _total}, a timer {@code _seconds}), is in the table,
 * and every {@code jcm_*} name of the table is built by some source. The services' own metrics
 * tests check the same list against what {@code /q/metrics} serves at run time.
 */
class MetricsListTest {

    private static final Pattern METER = Pattern.compile(
            "(Counter|Gauge|Timer|DistributionSummary|FunctionCounter)\\.builder\\(\\s*\"(jcm\\.[a-z_.]+)\"");
    private static final Pattern GAUGE_HELPER = Pattern.compile("gauge\\(registry, \"(jcm\\.[a-z_.]+)\"");

    @Test
    void every_registered_jcm_meter_is_listed_and_every_listed_one_is_registered() throws IOException {
        Set<String> registered = registered();
        Set<String> listed = new TreeSet<>();
        for (String name : MetricsList.names()) {
            if (name.startsWith("jcm_")) {
                listed.add(name);
            }
        }
        assertThat(registered).as("meters registered by the sources").contains("jcm_units_total", "jcm_trades_decided_total");
        assertThat(listed).as("jcm_* metrics listed in docs/operations.md, \"What to watch\"")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    /** The Prometheus names of the jcm.* meters the main sources build. */
    private static Set<String> registered() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"registry-api", "settlement", "service-support"}) {
            try (Stream<Path> files = Files.walk(MetricsList.REPOSITORY.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    collect(Files.readString(file), names);
                }
            }
        }
        return names;
    }

    private static void collect(String source, Set<String> names) {
        Matcher m = METER.matcher(source);
        while (m.find()) {
            names.add(prometheus(m.group(1), m.group(2)));
        }
        Matcher gauges = GAUGE_HELPER.matcher(source);
        while (gauges.find()) {
            names.add(prometheus("Gauge", gauges.group(1)));
        }
    }

    /** The name Micrometer's Prometheus registry gives a meter of this type. */
    static String prometheus(String type, String meter) {
        String base = meter.replace('.', '_');
        return switch (type) {
            case "Counter", "FunctionCounter" -> base + "_total";
            case "Timer" -> base + "_seconds";
            default -> base;
        };
    }
}
