package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks against small fixture trees (src/test/resources/fixtures): a valid one that must
 * pass, and broken ones whose every defect must be reported. Without these, a check that never
 * reports anything would let the real manifests pass.
 */
class FixtureManifestsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Map<String, Path> SERVICES = Map.of("registry-api", FIXTURES.resolve("services/registry-api"));
    private static final Map<String, String> EXTERNAL = Map.of("database-credentials", "made by hand in the fixture");

    private static QuarkusConfigModel quarkus;

    @BeforeAll
    static void loadTheQuarkusModel() {
        quarkus = QuarkusConfigModel.load();
    }

    private static ManifestCheck.Report check(String fixture, List<ServiceConfiguration.Pending> pending) {
        return ManifestCheck.run(FIXTURES.resolve(fixture), FIXTURES, SERVICES, pending, EXTERNAL, quarkus);
    }

    @Test
    void a_valid_tree_has_no_problems() {
        ManifestCheck.Report report = check("valid", List.of());

        assertThat(report.problems()).isEmpty();
        assertThat(report.manifests()).isEqualTo(4);
    }

    @Test
    void a_misspelled_variable_is_reported_with_the_name_it_probably_meant() {
        List<String> problems = check("misspelled", List.of()).problems();

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("QUARKUS_DATASOURCE_REACTIVE_ULR maps to no configuration property of registry-api")
                .contains("did you mean QUARKUS_DATASOURCE_REACTIVE_URL?"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("(from ConfigMap registry-api-config)")
                .contains("KAFKA_BOOTSTRAP_SERVER would set the Kafka client property bootstrap.server")
                .contains("did you mean KAFKA_BOOTSTRAP_SERVERS?"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("JCM_FIXTURE_MAX_BACH_SIZE maps to no configuration property")
                .contains("did you mean JCM_FIXTURE_MAX_BATCH_SIZE?"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("QUARKUS_DATASOURCE_USERNAME"));
    }

    @Test
    void every_structural_defect_of_a_kustomization_is_reported() {
        List<String> problems = check("broken", List.of()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("broken.yaml").contains("does not parse"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("resource missing.yaml does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("not-in-the-resources has behavior merge"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("files file absent.json does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("images entry example/unused-image"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("patch patch-for-nothing.yaml targets Deployment/deployment-that-does-not-exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("patch absent-patch.yaml does not exist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("changes env by JSON 6902"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'patchesStrategicMerge' is deprecated"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("orphan.yaml: listed by no kustomization"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("uses ConfigMap keys-nobody-makes"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("uses Secret secret-nobody-makes"));
        assertThat(problems).hasSize(12);
    }

    @Test
    void workload_defects_are_reported() {
        List<String> problems = check("bad-workload", List.of()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("QUARKUS_DATASOURCE_DB_KIND sets quarkus.datasource.db-kind, which is fixed at build time"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("KAFKA_BOOTSTRAP_SERVERS_LIST would set the Kafka client property bootstrap.servers.list"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("envFrom with a Secret hides the variable names"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("livenessProbe asks /q/health/lve, which registry-api does not serve"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("readinessProbe uses port web, which the container does not declare"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("registry-api: no startupProbe"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("memory requests and limits are required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("container sidecar: not a known service"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("uses Secret everything"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("init container registry-api-migrate: has a "
                + "readinessProbe, which Kubernetes refuses on an init container"));
        assertThat(problems).hasSize(10);
    }

    @Test
    void a_pending_property_passes_while_its_file_is_absent_and_must_be_declared_once_it_exists() {
        ServiceConfiguration.Pending absent = new ServiceConfiguration.Pending("registry-api", "jcm.fixture.max-bach-size",
                "services/registry-api/src/main/java/org/example/fixture/NotYetMerged.java", "branch not merged");
        ServiceConfiguration.Pending present = new ServiceConfiguration.Pending("registry-api",
                "jcm.fixture.max-bach-size", "services/registry-api/src/main/java/org/example/fixture/FixtureConfig.java",
                "merged, but the property was renamed there");

        ManifestCheck.Report whileAbsent = check("misspelled", List.of(absent));
        ManifestCheck.Report onceMerged = check("misspelled", List.of(present));

        assertThat(whileAbsent.problems()).noneSatisfy(p -> assertThat(p).contains("JCM_FIXTURE_MAX_BACH_SIZE"));
        assertThat(whileAbsent.pendingUsed()).singleElement().asString().contains("jcm.fixture.max-bach-size");
        assertThat(onceMerged.problems()).anySatisfy(p -> assertThat(p)
                .contains("JCM_FIXTURE_MAX_BACH_SIZE sets jcm.fixture.max-bach-size, listed as pending until")
                .contains("that file exists now but does not declare it"));
        assertThat(onceMerged.pendingUsed()).isEmpty();
    }
}
