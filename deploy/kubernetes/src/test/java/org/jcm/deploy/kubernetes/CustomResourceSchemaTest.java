package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom resources of deploy/kubernetes (CloudNativePG, its Barman Cloud plugin, Strimzi)
 * against the CRD schemas vendored in src/test/resources/crds, and deliberately broken copies of
 * the same manifests, which must fail: a misspelled field, a wrong type or enum value, a misspelled
 * field in a patch, a kind without a schema.
 */
class CustomResourceSchemaTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    /** Custom resources not validated against a schema, and why. */
    static final Map<String, String> UNCHECKED = Map.of(
            "monitoring.coreos.com/v1 PodMonitor", "Prometheus Operator: its CRDs are not vendored",
            "monitoring.coreos.com/v1 PrometheusRule", "Prometheus Operator: its CRDs are not vendored");

    private static CustomResourceSchemas schemas;

    @BeforeAll
    static void loadTheSchemas() {
        schemas = CustomResourceSchemas.vendored();
    }

    private static List<String> check(Path root) {
        ManifestTree tree = ManifestTree.read(root);
        return CustomResourceCheck.run(tree, KustomizeCheck.run(tree, Map.of()).patchFiles(), schemas, UNCHECKED);
    }

    @Test
    void the_schemas_of_both_supported_releases_of_each_operator_are_vendored() {
        assertThat(schemas.of("postgresql.cnpg.io/v1", "Cluster")).extracting(CustomResourceSchemas.Schema::release)
                .containsExactly("cloudnative-pg-1.26.3", "cloudnative-pg-1.30.0");
        assertThat(schemas.of("kafka.strimzi.io/v1", "Kafka")).extracting(CustomResourceSchemas.Schema::release)
                .containsExactly("strimzi-0.49.1", "strimzi-1.2.0");
        assertThat(schemas.kinds()).contains("postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io/v1 ScheduledBackup",
                "barmancloud.cnpg.io/v1 ObjectStore", "kafka.strimzi.io/v1 KafkaNodePool",
                "kafka.strimzi.io/v1 KafkaTopic", "kafka.strimzi.io/v1 KafkaUser");
    }

    @Test
    void every_custom_resource_of_the_manifests_is_valid_for_every_vendored_release() {
        ManifestTree tree = ManifestTree.read(MODULE);
        long customResources = tree.manifests().stream()
                .filter(d -> CustomResourceCheck.isCustomResource(Yamls.string(d.content(), "apiVersion"))).count();

        assertThat(check(MODULE)).isEmpty();
        assertThat(customResources).as("Cluster (and two patches), Database, ScheduledBackup, ObjectStore (and a patch), "
                + "KafkaNodePool, Kafka, KafkaTopic, two KafkaUsers, PodMonitor, PrometheusRule").isGreaterThanOrEqualTo(14);
    }

    @Test
    void a_misspelled_field_fails_for_cloudnative_pg_and_strimzi(@TempDir Path copy) throws IOException {
        copyManifests(copy);
        replace(copy.resolve("base/postgres/cluster.yaml"), "  walStorage:", "  walStorge:");
        replace(copy.resolve("base/kafka/kafka.yaml"), "    listeners:", "    listners:");
        replace(copy.resolve("base/kafka/users.yaml"), "          - Describe\n          - Read", "          - Describe\n"
                + "          - Read\n        host: \"*\"\n        opertions: [Read]");

        List<String> problems = check(copy);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("base/postgres/cluster.yaml: Cluster/jcm-pg against "
                + "cloudnative-pg-1.26.3").contains("walStorge"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Cluster/jcm-pg against cloudnative-pg-1.30.0")
                .contains("walStorge"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Kafka/jcm-kafka against strimzi-0.49.1")
                .contains("listners"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KafkaUser/jcm-settlement against strimzi-1.2.0")
                .contains("opertions"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("host"));
    }

    @Test
    void a_wrong_type_an_unknown_enum_value_and_a_missing_required_field_fail(@TempDir Path copy) throws IOException {
        copyManifests(copy);
        replace(copy.resolve("base/kafka/topic.yaml"), "  partitions: 1", "  partitions: one");
        replace(copy.resolve("base/kafka/kafka.yaml"), "        type: internal", "        type: internl");
        replace(copy.resolve("base/postgres/settlement-database.yaml"), "  name: settlement\n", "");

        List<String> problems = check(copy);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KafkaTopic/jcm.ledger.events")
                .contains("$.spec.partitions").contains("string found, integer expected"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Kafka/jcm-kafka")
                .contains("$.spec.kafka.listeners[0].type").contains("enum"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Database/jcm-pg-settlement")
                .contains("required property 'name' not found"));
    }

    @Test
    void a_patch_needs_only_the_fields_it_sets_but_those_must_exist(@TempDir Path copy) throws IOException {
        copyManifests(copy);
        replace(copy.resolve("overlays/example/postgres-storage.yaml"), "  walStorage:\n    size: 20Gi",
                "  walStorage:\n    sise: 20Gi");

        List<String> problems = check(copy);

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p)
                .startsWith("overlays/example/postgres-storage.yaml: Cluster/jcm-pg (patch) against cloudnative-pg-1.")
                .contains("$.spec.walStorage: property 'sise' is not defined in the schema"));
    }

    @Test
    void fields_the_schema_leaves_open_take_anything_and_a_kind_without_a_schema_is_reported(@TempDir Path copy)
            throws IOException {
        copyManifests(copy);
        replace(copy.resolve("base/kafka/kafka.yaml"), "      auto.create.topics.enable: false",
                "      auto.create.topics.enable: false\n      some.future.broker.setting: 42");
        replace(copy.resolve("base/kafka/topic.yaml"), "apiVersion: kafka.strimzi.io/v1", "apiVersion: kafka.strimzi.io/v1beta2");

        List<String> problems = check(copy);

        assertThat(problems).singleElement().asString().isEqualTo("base/kafka/topic.yaml: KafkaTopic/jcm.ledger.events: "
                + "no CRD schema vendored for kafka.strimzi.io/v1beta2 KafkaTopic (src/test/resources/crds/README.md "
                + "says how to add one)");
    }

    /** The manifests (base, components, overlays) copied into {@code target}. */
    static void copyManifests(Path target) throws IOException {
        for (String top : List.of("base", "components", "overlays")) {
            try (Stream<Path> files = Files.walk(MODULE.resolve(top))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = target.resolve(MODULE.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
    }

    static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).as(file + " contains the text to break").contains(text);
        Files.writeString(file, content.replace(text, replacement), StandardCharsets.UTF_8);
    }
}
