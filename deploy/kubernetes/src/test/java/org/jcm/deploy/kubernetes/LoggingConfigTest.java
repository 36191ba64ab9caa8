package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON logging (docs/operations.md, "Logs"): both services depend on quarkus-logging-json, keep it
 * off in application.properties (text for the local stack and dev mode) under the property Quarkus
 * 3.33 documents, and both Kubernetes ConfigMaps switch it on. That the variable is a run-time
 * property of the extension is RepositoryManifestsTest's check (the extension is a test dependency
 * of this module for its configuration model).
 */
class LoggingConfigTest {

    @Test
    void json_logs_are_off_in_the_services_and_on_in_kubernetes() {
        for (String service : List.of("registry-api", "settlement")) {
            Path module = MetricsList.REPOSITORY.resolve(service);
            assertThat(String.join("\n", MetricsList.lines(module.resolve("pom.xml"))))
                    .as(service + " depends on the extension").contains("<artifactId>quarkus-logging-json</artifactId>");
            assertThat(MetricsList.lines(module.resolve("src/main/resources/application.properties")))
                    .as(service + " logs text unless told otherwise").contains("quarkus.log.console.json.enabled=false");
            assertThat(MetricsList.lines(MetricsList.REPOSITORY.resolve("deploy/kubernetes/base/" + service + "/config.env")))
                    .as(service + "'s ConfigMap switches JSON on").contains("QUARKUS_LOG_CONSOLE_JSON_ENABLED=true");
        }
    }

    @Test
    void the_configuration_model_knows_the_property_as_a_run_time_one() {
        QuarkusConfigModel model = QuarkusConfigModel.load();
        assertThat(model.find("QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                .hasValueSatisfying(p -> {
                    assertThat(p.name()).isEqualTo("quarkus.log.console.json.enabled");
                    assertThat(p.runtime()).isTrue();
                });
    }
}
