package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services serve health and metrics on their management interface only
 * (quarkus.management.enabled in application.properties): a copy of the manifests whose probe or
 * PodMonitor asks the API port for them, or whose container does not declare the management port,
 * fails the manifest check.
 */
class ManagementPortTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Map<String, Path> SERVICES = Map.of(
            "registry-api", REPOSITORY.resolve("registry-api"), "settlement", REPOSITORY.resolve("settlement"));

    @Test
    void both_services_have_the_management_interface_on_and_the_manifests_use_it() {
        for (Map.Entry<String, Path> service : SERVICES.entrySet()) {
            ServiceConfiguration configuration = new ServiceConfiguration(service.getKey(), REPOSITORY, service.getValue(),
                    QuarkusConfigModel.load(), List.of());
            assertThat(configuration.managementEnabled()).as(service.getKey()).isTrue();
            assertThat(configuration.nonApplicationPaths()).contains("/q/health/ready", "/q/metrics");
        }
    }

    @Test
    void health_or_metrics_asked_on_the_api_port_or_a_missing_management_port_is_reported(@TempDir Path copy)
            throws IOException {
        CustomResourceSchemaTest.copyManifests(copy);
        Path settlement = copy.resolve("base/settlement/deployment.yaml");
        CustomResourceSchemaTest.replace(settlement, "              path: /q/health/ready\n              port: management",
                "              path: /q/health/ready\n              port: http");
        CustomResourceSchemaTest.replace(copy.resolve("components/monitoring/podmonitor.yaml"), "    - port: management",
                "    - port: http");
        CustomResourceSchemaTest.replace(copy.resolve("components/read-replicas/deployment.yaml"),
                "            - name: management\n              containerPort: 9000\n              protocol: TCP\n", "");

        List<String> problems = ManifestCheck.run(copy, REPOSITORY, SERVICES, List.of(), Map.of(),
                QuarkusConfigModel.load()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("base/settlement/deployment.yaml: Deployment/settlement "
                + "container settlement: readinessProbe asks /q/health/ready on port http, but settlement serves health "
                + "and metrics on its management port 9000 only"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("PodMonitor/jcm-services: scrapes port http, but "
                + "registry-api serves metrics on its management port only"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("components/read-replicas/deployment.yaml: "
                + "Deployment/registry-api-read container registry-api: declares no port for the management interface (9000)"));
    }
}
