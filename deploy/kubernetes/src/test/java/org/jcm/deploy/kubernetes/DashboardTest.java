package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of components/monitoring parses, is shipped as a ConfigMap with the
 * {@code grafana_dashboard} label, and queries only metrics docs/operations.md lists as exported
 * (a histogram's {@code _bucket} series count as the histogram).
 */
class DashboardTest {

    private static final Path COMPONENT = MetricsList.REPOSITORY.resolve("deploy/kubernetes/components/monitoring");
    private static final Path DASHBOARD = COMPONENT.resolve("grafana/jcm-overview.json");
    // A metric in PromQL: a name followed by a selector or a range; functions are followed by "(".
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\{");
    private static final Pattern BARE_METRIC = Pattern.compile("\\(\\s*([a-z_][a-z0-9_]*)\\s*(\\[|\\))");

    @Test
    void every_query_uses_a_listed_metric_and_there_are_panels_for_each_area() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        assertThat(queries).isNotEmpty();
        Set<String> listed = MetricsList.names();
        Set<String> used = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (String query : queries) {
            for (String series : metrics(query)) {
                String family = MetricsList.family(series, listed);
                if (family == null) {
                    unknown.add(series + " in " + query);
                } else {
                    used.add(family);
                }
            }
        }
        assertThat(unknown).as("metrics the dashboard queries that docs/operations.md does not list").isEmpty();
        assertThat(used).as("business, writer and settlement panels")
                .contains("jcm_units_total", "jcm_ledger_units", "jcm_pending_transfers", "jcm_open_proposals",
                        "jcm_corresponding_adjustments_total", "jcm_writer_commit_seconds", "jcm_writer_queue_depth",
                        "jcm_trades_decided_total", "settlement_consumer_lag_records");
    }

    @Test
    void the_component_ships_the_dashboard_as_a_labelled_config_map() {
        Object kustomization = Yamls.documents(COMPONENT.resolve("kustomization.yaml")).get(0);
        Object generator = Yamls.list(kustomization, "configMapGenerator").get(0);
        assertThat(Yamls.list(generator, "files")).containsExactly("grafana/jcm-overview.json");
        assertThat(Yamls.map(Yamls.map(generator, "options"), "labels")).containsEntry("grafana_dashboard", "1");
    }

    /** The metric names in one PromQL expression (label names and functions excluded). */
    static Set<String> metrics(String query) {
        String withoutLabels = query.replaceAll("\\{[^}]*\\}", "{}").replaceAll("by \\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(withoutLabels);
        while (m.find()) {
            names.add(m.group(1));
        }
        Matcher bare = BARE_METRIC.matcher(withoutLabels);
        while (bare.find()) {
            names.add(bare.group(1));
        }
        return names;
    }
}
