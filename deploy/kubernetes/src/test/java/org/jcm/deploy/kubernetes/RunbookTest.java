package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every alert of components/monitoring/prometheusrule.yaml has a {@code runbook_url} on the runbook
 * base docs/operations.md documents, whose anchor is a heading of docs/operations.md (as GitHub
 * makes anchors: lower case, punctuation dropped, spaces to hyphens).
 */
class RunbookTest {

    static final String BASE = "https://jcm-registry.example/docs/operations.md";
    private static final Path RULES = MetricsList.REPOSITORY.resolve("deploy/kubernetes/components/monitoring/prometheusrule.yaml");

    @Test
    void every_alert_links_its_runbook_section_on_the_documented_base() {
        Map<String, String> urls = runbookUrls();
        assertThat(urls).as("alerts").hasSizeGreaterThanOrEqualTo(18);
        assertThat(String.join("\n", MetricsList.lines(MetricsList.OPERATIONS)))
                .as("the runbook base is documented").contains("`" + BASE + "`");
        Set<String> anchors = anchors();
        Map<String, String> broken = new LinkedHashMap<>();
        urls.forEach((alert, url) -> {
            String expected = BASE + "#runbook-" + alert.toLowerCase(Locale.ROOT);
            if (url == null || !url.equals(expected) || !anchors.contains(url.substring(BASE.length() + 1))) {
                broken.put(alert, url);
            }
        });
        assertThat(broken).as("alerts without a runbook_url of the form %s#runbook-<alert> that exists", BASE).isEmpty();
    }

    /** Each alert's runbook_url annotation (null when it has none). */
    private static Map<String, String> runbookUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Object group : Yamls.list(Yamls.map(Yamls.documents(RULES).get(0), "spec"), "groups")) {
            for (Object rule : Yamls.list(group, "rules")) {
                String alert = Yamls.string(rule, "alert");
                if (alert != null) {
                    urls.put(alert, Yamls.string(Yamls.map(rule, "annotations"), "runbook_url"));
                }
            }
        }
        return urls;
    }

    /** The anchors of every heading of docs/operations.md. */
    static Set<String> anchors() {
        Set<String> anchors = new TreeSet<>();
        for (String line : MetricsList.lines(MetricsList.OPERATIONS)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
