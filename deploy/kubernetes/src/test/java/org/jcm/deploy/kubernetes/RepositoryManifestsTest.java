package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production manifests under deploy/kubernetes, checked against the services' real
 * configuration in this tree (registry-api and settlement, relative to this module), plus the
 * deployment decisions that must not drift (one writer, the topic's durability, PostgreSQL 17
 * with btree_gist, the registry-api memory target, the container files).
 */
class RepositoryManifestsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = MODULE.resolve("../..").normalize();

    /** Each container name, and the module whose configuration it runs. */
    private static final Map<String, Path> SERVICES = Map.of(
            "registry-api", REPOSITORY.resolve("registry-api"),
            "settlement", REPOSITORY.resolve("settlement"));

    /**
     * Properties the manifests set that are declared on branches not merged into this tree yet.
     * Each is accepted while its file is absent; once the file exists the property must be
     * declared there (a rename fails the check). An entry whose file exists is no longer needed:
     * delete it.
     */
    private static final List<ServiceConfiguration.Pending> PENDING = List.of();

    /** Secrets the pods use that the manifests do not contain, and who makes them. */
    private static final Map<String, String> EXTERNAL_SECRETS = Map.ofEntries(
            Map.entry("jcm-pg-app", "CloudNativePG: credentials of the bootstrap owner of database registry (jcm_owner)"),
            Map.entry("jcm-pg-ca", "CloudNativePG: the cluster's CA (ca.crt)"),
            Map.entry("jcm-pg-service", "External Secrets Operator: ExternalSecret jcm-pg-service (components/external-secrets): role jcm_service"),
            Map.entry("jcm-pg-settlement-owner", "External Secrets Operator: ExternalSecret jcm-pg-settlement-owner (components/external-secrets): role jcm_settlement_owner"),
            Map.entry("jcm-pg-settlement", "External Secrets Operator: ExternalSecret jcm-pg-settlement (components/external-secrets): role jcm_settlement"),
            Map.entry("jcm-kafka-cluster-ca-cert", "Strimzi: the Kafka cluster CA (ca.crt)"),
            Map.entry("jcm-registry-api", "Strimzi User Operator: KafkaUser jcm-registry-api (sasl.jaas.config)"),
            Map.entry("jcm-settlement", "Strimzi User Operator: KafkaUser jcm-settlement (sasl.jaas.config)"),
            Map.entry("jcm-cursor-keys", "External Secrets Operator: ExternalSecret jcm-cursor-keys (components/external-secrets): keys registry-api and settlement"),
            Map.entry("jcm-checkpoint-key", "External Secrets Operator: ExternalSecret jcm-checkpoint-key (components/external-secrets): the log's signer key, signing-key"),
            Map.entry("jcm-witness-key", "External Secrets Operator: ExternalSecret jcm-witness-key (components/external-secrets): witness.key and log-verifier-key"));

    private static QuarkusConfigModel quarkus;
    private static ManifestCheck.Report report;

    @BeforeAll
    static void checkTheTree() {
        quarkus = QuarkusConfigModel.load();
        report = ManifestCheck.run(MODULE, REPOSITORY, SERVICES, PENDING, EXTERNAL_SECRETS, quarkus);
        if (!report.pendingUsed().isEmpty()) {
            System.out.println("Manifest check: accepted as pending (declaring file not in this tree yet): "
                    + report.pendingUsed());
        }
    }

    @Test
    void the_module_sits_in_the_repository_and_the_quarkus_model_is_complete_enough_to_check_against() {
        assertThat(REPOSITORY.resolve("pom.xml")).content().contains("<module>deploy/kubernetes</module>");
        assertThat(quarkus.extensions()).isGreaterThanOrEqualTo(12);
        assertThat(quarkus.size()).isGreaterThan(500);
        assertThat(quarkus.find("QUARKUS_DATASOURCE_REACTIVE_URL")).isPresent();
        assertThat(report.manifests()).isGreaterThan(20);
    }

    @Test
    void every_manifest_parses_and_every_variable_probe_patch_and_reference_checks_out() {
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void the_writer_is_one_instance_replaced_by_stopping_the_old_one_first() {
        Object writer = single("base/registry-api/deployment.yaml", "Deployment");

        assertThat(Yamls.string(Yamls.map(writer, "spec"), "replicas")).isEqualTo("1");
        assertThat(Yamls.string(Yamls.map(Yamls.map(writer, "spec"), "strategy"), "type")).isEqualTo("Recreate");
        assertThat(env(writer, "registry-api")).containsEntry("JCM_WRITER_ENABLED", "true");
    }

    @Test
    void read_replicas_never_take_the_writer_lock_nor_run_migrations_and_read_from_the_standbys() {
        Map<String, String> env = env(single("components/read-replicas/deployment.yaml", "Deployment"), "registry-api");

        assertThat(env).containsEntry("JCM_WRITER_ENABLED", "false")
                .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).contains("jcm-pg-ro");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).contains("jcm-pg-ro");
    }

    /**
     * A standby grants PostgreSQL advisory locks apart from the primary, so a reader whose outbox
     * ran would publish beside the writer with its transactional id and fence it. Readers have the
     * outbox off, and nothing to publish with: no Kafka settings from any ConfigMap they read, no
     * Kafka credentials, no Kafka CA. The writer keeps all three.
     */
    @Test
    void read_replicas_have_the_outbox_off_and_no_kafka_settings_credentials_or_ca() {
        Object reader = single("components/read-replicas/deployment.yaml", "Deployment");
        Object writer = single("base/registry-api/deployment.yaml", "Deployment");
        Map<String, Map<String, String>> configMaps = ManifestTree.read(MODULE).configMapData();

        assertThat(env(reader, "registry-api")).containsEntry("JCM_OUTBOX_ENABLED", "false")
                .doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG");
        assertThat(kafkaSettings(reader, configMaps)).as("Kafka settings a reader reads from its ConfigMaps").isEmpty();
        assertThat(secretRefs(reader, "registry-api")).doesNotContainValue("jcm-registry-api");
        assertThat(volumeSecrets(reader)).doesNotContain("jcm-registry-api", "jcm-kafka-cluster-ca-cert");

        assertThat(env(writer, "registry-api")).doesNotContainEntry("JCM_OUTBOX_ENABLED", "false");
        assertThat(kafkaSettings(writer, configMaps)).contains("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL");
        assertThat(secretRefs(writer, "registry-api")).containsEntry("KAFKA_SASL_JAAS_CONFIG", "jcm-registry-api");
        assertThat(volumeSecrets(writer)).contains("jcm-kafka-cluster-ca-cert");
    }

    @Test
    void registry_api_containers_stay_within_the_768_mib_memory_target() {
        for (String file : List.of("base/registry-api/deployment.yaml", "components/read-replicas/deployment.yaml")) {
            for (Object container : KustomizeCheck.containers(single(file, "Deployment"))) {
                String limit = Yamls.string(Yamls.map(Yamls.map(container, "resources"), "limits"), "memory");
                assertThat(mebibytes(limit)).as(file + " memory limit " + limit).isLessThanOrEqualTo(768);
            }
        }
    }

    @Test
    void the_ledger_topic_has_one_partition_three_replicas_two_in_sync_and_keeps_everything() {
        Object topic = single("base/kafka/topic.yaml", "KafkaTopic");
        Map<String, Object> spec = Yamls.map(topic, "spec");
        Map<String, Object> config = Yamls.map(spec, "config");

        assertThat(Yamls.name(topic)).isEqualTo("jcm.ledger.events");
        assertThat(Yamls.string(spec, "partitions")).isEqualTo("1");
        assertThat(Yamls.string(spec, "replicas")).isEqualTo("3");
        assertThat(Yamls.string(config, "min.insync.replicas")).isEqualTo("2");
        assertThat(Yamls.string(config, "retention.ms")).isEqualTo("-1");
        assertThat(Yamls.string(config, "cleanup.policy")).isEqualTo("delete");
    }

    @Test
    void kafka_runs_in_kraft_mode_with_a_node_pool_of_three() {
        Object pool = single("base/kafka/kafka.yaml", "KafkaNodePool");

        assertThat(Yamls.string(Yamls.map(pool, "spec"), "replicas")).isEqualTo("3");
        assertThat(Yamls.list(Yamls.map(pool, "spec"), "roles")).contains("controller", "broker");
        assertThat(Yamls.map(Yamls.map(pool, "metadata"), "labels")).containsEntry("strimzi.io/cluster", "jcm-kafka");
    }

    @Test
    void postgres_is_17_with_btree_gist_synchronous_replication_and_a_database_per_service() {
        Object cluster = single("base/postgres/cluster.yaml", "Cluster");
        Map<String, Object> spec = Yamls.map(cluster, "spec");
        Map<String, Object> initdb = Yamls.map(Yamls.map(spec, "bootstrap"), "initdb");
        Object database = single("base/postgres/settlement-database.yaml", "Database");

        assertThat(Yamls.string(spec, "imageName")).matches(".*/postgresql:17(\\.\\d+)?");
        assertThat(Yamls.string(initdb, "database")).isEqualTo("registry");
        assertThat(Yamls.list(initdb, "postInitApplicationSQL")).contains("CREATE EXTENSION IF NOT EXISTS btree_gist");
        assertThat(Yamls.string(Yamls.map(Yamls.map(spec, "postgresql"), "synchronous"), "number")).isEqualTo("1");
        assertThat(Yamls.string(Yamls.map(database, "spec"), "name")).isEqualTo("settlement");
        assertThat(Yamls.string(Yamls.map(database, "spec"), "owner")).isEqualTo("jcm_settlement_owner");
    }

    @Test
    void each_database_has_an_owner_and_a_service_role_that_is_neither_superuser_nor_owner() {
        Map<String, Object> spec = Yamls.map(single("base/postgres/cluster.yaml", "Cluster"), "spec");
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Object role : Yamls.list(Yamls.map(spec, "managed"), "roles")) {
            secrets.put(Yamls.string(role, "name"), Yamls.string(Yamls.map(role, "passwordSecret"), "name"));
            assertThat(Yamls.string(role, "login")).as(Yamls.string(role, "name")).isEqualTo("true");
            for (String privilege : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertThat(Yamls.string(role, privilege)).as(Yamls.string(role, "name") + " " + privilege)
                        .isEqualTo("false");
            }
        }

        assertThat(Yamls.string(Yamls.map(Yamls.map(spec, "bootstrap"), "initdb"), "owner")).isEqualTo("jcm_owner");
        assertThat(Yamls.string(spec, "enableSuperuserAccess")).isEqualTo("false");
        assertThat(secrets).containsExactly(Map.entry("jcm_service", "jcm-pg-service"),
                Map.entry("jcm_settlement_owner", "jcm-pg-settlement-owner"), Map.entry("jcm_settlement", "jcm-pg-settlement"));
    }

    @Test
    void the_services_connect_as_their_service_roles_and_only_their_migration_init_containers_hold_the_owners_credentials() {
        Map<String, String[]> secrets = Map.of("registry-api", new String[] {"jcm-pg-service", "jcm-pg-app"},
                "settlement", new String[] {"jcm-pg-settlement", "jcm-pg-settlement-owner"});
        for (Map.Entry<String, String[]> service : secrets.entrySet()) {
            String name = service.getKey();
            Object deployment = single("base/" + name + "/deployment.yaml", "Deployment");
            String serviceSecret = service.getValue()[0];
            String ownerSecret = service.getValue()[1];

            assertThat(secretRefs(deployment, name)).as(name)
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", serviceSecret)
                    .containsEntry("QUARKUS_DATASOURCE_PASSWORD", serviceSecret)
                    .doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")
                    .doesNotContainValue(ownerSecret);
            assertThat(env(deployment, name)).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");

            String migrate = name + "-migrate";
            assertThat(secretRefs(deployment, migrate)).as(migrate)
                    .containsEntry("QUARKUS_FLYWAY_USERNAME", ownerSecret)
                    .containsEntry("QUARKUS_FLYWAY_PASSWORD", ownerSecret)
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", serviceSecret);
            assertThat(env(deployment, migrate)).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                    .containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        }
        assertThat(env(single("base/registry-api/deployment.yaml", "Deployment"), "registry-api-migrate"))
                .containsEntry("JCM_WRITER_ENABLED", "false");
        assertThat(env(single("base/settlement/deployment.yaml", "Deployment"), "settlement-migrate"))
                .containsEntry("SETTLEMENT_CONSUMER_ENABLED", "false");
        assertThat(secretRefs(single("components/read-replicas/deployment.yaml", "Deployment"), "registry-api"))
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "jcm-pg-service")
                .doesNotContainValue("jcm-pg-app");
    }

    @Test
    void container_files_run_the_fast_jar_as_non_root_on_the_port_the_manifests_use() throws IOException {
        Map<String, String> ports = new LinkedHashMap<>();
        ports.put("registry-api", "8080");
        ports.put("settlement", "8081");
        for (Map.Entry<String, String> service : ports.entrySet()) {
            Path dockerfile = REPOSITORY.resolve("deploy/docker/" + service.getKey() + "/Dockerfile");
            String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
            Object deployment = single("base/" + service.getKey() + "/deployment.yaml", "Deployment");
            Object container = KustomizeCheck.containers(deployment).stream()
                    .filter(c -> service.getKey().equals(Yamls.string(c, "name"))).findFirst().orElseThrow();
            Object port = Yamls.list(container, "ports").get(0);

            assertThat(text).as(dockerfile.toString())
                    .containsPattern("(?m)^FROM \\S*(temurin:17|openjdk-17)")
                    .containsPattern("(?m)^USER 10001")
                    .containsPattern("(?m)^EXPOSE " + service.getValue() + "$")
                    .contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/",
                            "target/quarkus-app/quarkus-run.jar", "MaxRAMPercentage", "${JAVA_OPTS}");
            assertThat(Yamls.string(port, "containerPort")).isEqualTo(service.getValue());
            httpPort(service.getKey()).ifPresent(p -> assertThat(p).as("quarkus.http.port").isEqualTo(service.getValue()));
        }
    }

    /**
     * The images Jib builds in the Maven build (application.properties, quarkus.jib.*) are the
     * Dockerfiles' images: the same base image, pinned by digest, the fast-jar in /deployments,
     * user 10001 as the manifests' runAsUser, the service's ports, the manifests' image name, and
     * an entry point that execs java with the manifests' JAVA_OPTS.
     */
    @Test
    void jib_images_are_the_dockerfiles_images_pinned_by_digest_and_match_the_manifests() throws IOException {
        for (String service : List.of("registry-api", "settlement")) {
            java.util.Properties jib = new java.util.Properties();
            try (var in = Files.newBufferedReader(SERVICES.get(service).resolve("src/main/resources/application.properties"))) {
                jib.load(in);
            }
            String base = jib.getProperty("quarkus.jib.base-jvm-image");
            String dockerfile = Files.readString(REPOSITORY.resolve("deploy/docker/" + service + "/Dockerfile"));
            Object deployment = single("base/" + service + "/deployment.yaml", "Deployment");
            Object container = KustomizeCheck.containers(deployment).stream()
                    .filter(c -> service.equals(Yamls.string(c, "name"))).findFirst().orElseThrow();

            assertThat(base).as(service + " base image").matches("eclipse-temurin:17-jre-noble@sha256:[0-9a-f]{64}");
            assertThat(dockerfile).as("the Dockerfile's base is Jib's").containsPattern("(?m)^FROM " + Pattern.quote(base) + "$");
            assertThat(Yamls.string(container, "image")).isEqualTo(jib.getProperty("quarkus.container-image.group") + "/"
                    + jib.getProperty("quarkus.container-image.name") + ":" + pomVersion(service));
            assertThat(jib.getProperty("quarkus.jib.user")).isEqualTo(runAsUser(deployment)).isEqualTo("10001");
            // The image exposes the ports the service listens on by default: its API (the manifests' http
            // port) and its management interface (which the manifests may move with QUARKUS_MANAGEMENT_PORT).
            String http = Yamls.string(Yamls.list(container, "ports").get(0), "containerPort");
            assertThat(jib.getProperty("quarkus.http.port")).isEqualTo(http);
            assertThat(jib.getProperty("quarkus.jib.ports"))
                    .isEqualTo(http + "," + jib.getProperty("quarkus.management.port"));
            assertThat(jib.getProperty("quarkus.jib.working-directory")).isEqualTo("/deployments");
            assertThat(jib.getProperty("quarkus.jib.jvm-entrypoint"))
                    .isEqualTo("/bin/sh,-c,exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar");
            assertThat(dockerfile).contains("exec java ${JAVA_OPTS} -jar /deployments/quarkus-run.jar");
            assertThat(jib.getProperty("quarkus.jib.environment-variables.JAVA_OPTS"))
                    .contains("-XX:MaxRAMPercentage=65", "-XX:+ExitOnOutOfMemoryError");
            assertThat(Files.readString(SERVICES.get(service).resolve("pom.xml")))
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
        }
    }

    private static String runAsUser(Object deployment) {
        Object pod = Yamls.map(Yamls.map(deployment, "spec"), "template");
        return Yamls.string(Yamls.map(Yamls.map(pod, "spec"), "securityContext"), "runAsUser");
    }

    /** The module's version: its parent's, the first version in its pom. */
    private static String pomVersion(String service) throws IOException {
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(SERVICES.get(service).resolve("pom.xml")));
        assertThat(version.find()).as(service + "/pom.xml has a version").isTrue();
        return version.group(1);
    }

    private static java.util.Optional<String> httpPort(String service) throws IOException {
        Path properties = SERVICES.get(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(properties)) {
            return java.util.Optional.empty();
        }
        Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port\\s*=\\s*(\\d+)").matcher(Files.readString(properties));
        return port.find() ? java.util.Optional.of(port.group(1)) : java.util.Optional.empty();
    }

    private static Object single(String file, String kind) {
        List<Object> matches = new ArrayList<>();
        for (Object document : Yamls.documents(MODULE.resolve(file))) {
            if (kind.equals(Yamls.kind(document))) {
                matches.add(document);
            }
        }
        assertThat(matches).as(kind + " in " + file).hasSize(1);
        return matches.get(0);
    }

    /** The literal env values of a container (valueFrom entries map to null). */
    private static Map<String, String> env(Object workload, String container) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Object c : KustomizeCheck.containers(workload)) {
            if (container.equals(Yamls.string(c, "name"))) {
                for (Object e : Yamls.list(c, "env")) {
                    values.put(Yamls.string(e, "name"), Yamls.string(e, "value"));
                }
            }
        }
        return values;
    }

    /** The Secret behind each env entry of a container that takes its value from one. */
    private static Map<String, String> secretRefs(Object workload, String container) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Object c : KustomizeCheck.containers(workload)) {
            if (container.equals(Yamls.string(c, "name"))) {
                for (Object e : Yamls.list(c, "env")) {
                    String secret = Yamls.string(Yamls.map(Yamls.map(e, "valueFrom"), "secretKeyRef"), "name");
                    if (secret != null) {
                        secrets.put(Yamls.string(e, "name"), secret);
                    }
                }
            }
        }
        return secrets;
    }

    /** The KAFKA_* keys of the ConfigMaps that the workload's registry-api container reads with envFrom. */
    private static List<String> kafkaSettings(Object workload, Map<String, Map<String, String>> configMaps) {
        List<String> keys = new ArrayList<>();
        for (Object c : KustomizeCheck.containers(workload)) {
            if ("registry-api".equals(Yamls.string(c, "name"))) {
                for (Object envFrom : Yamls.list(c, "envFrom")) {
                    String name = Yamls.string(Yamls.map(envFrom, "configMapRef"), "name");
                    assertThat(configMaps).as("ConfigMap " + name).containsKey(name);
                    configMaps.get(name).keySet().stream().filter(k -> k.startsWith("KAFKA_")).forEach(keys::add);
                }
            }
        }
        return keys;
    }

    /** The Secrets the workload's pod mounts as volumes. */
    private static List<String> volumeSecrets(Object workload) {
        Object pod = Yamls.map(Yamls.map(Yamls.map(workload, "spec"), "template"), "spec");
        List<String> secrets = new ArrayList<>();
        for (Object volume : Yamls.list(pod, "volumes")) {
            String secret = Yamls.string(Yamls.map(volume, "secret"), "secretName");
            if (secret != null) {
                secrets.add(secret);
            }
        }
        return secrets;
    }

    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(String.valueOf(quantity));
        assertThat(m.matches()).as("memory quantity " + quantity + " in Mi or Gi").isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }
}
