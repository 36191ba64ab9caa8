package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies of components/network-policies (and the Kafka listener's networkPolicyPeers)
 * judged against the workloads of the manifests: ingress is denied by default, every workload is
 * selected by a policy that opens something, PostgreSQL and Kafka admit exactly the workloads whose
 * configuration points at them (derived from their environment), and the services' management
 * port admits only the monitoring namespace.
 */
class NetworkPolicyTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    /** A workload's pod: its labels and the environment values of its containers (env and ConfigMaps). */
    record Pod(String name, Map<String, Object> labels, String environment) {
    }

    private static ManifestTree tree;
    private static List<Object> policies;
    private static List<Pod> pods;

    @BeforeAll
    static void readTheManifests() {
        tree = ManifestTree.read(MODULE);
        policies = new ArrayList<>();
        pods = new ArrayList<>();
        Map<String, Map<String, String>> configMaps = tree.configMapData();
        for (ManifestTree.Document document : tree.manifests()) {
            if ("NetworkPolicy".equals(document.kind())) {
                policies.add(document.content());
            }
            Object template = Yamls.map(Yamls.map(document.content(), "spec"), "template");
            if (!KustomizeCheck.containers(document.content()).isEmpty()) {
                pods.add(new Pod(document.name(), Yamls.map(Yamls.map(template, "metadata"), "labels"),
                        environment(document.content(), configMaps)));
            }
        }
    }

    @Test
    void ingress_is_denied_by_default_and_every_workload_is_selected_by_a_policy_that_opens_it() {
        assertThat(policies).anySatisfy(p -> {
            assertThat(Yamls.map(Yamls.map(p, "spec"), "podSelector")).isEmpty();
            assertThat(Yamls.list(Yamls.map(p, "spec"), "ingress")).isEmpty();
            assertThat(Yamls.list(Yamls.map(p, "spec"), "policyTypes")).containsExactly("Ingress");
        });
        assertThat(pods).extracting(Pod::name).contains("registry-api", "registry-api-read", "settlement");
        for (Pod pod : pods) {
            assertThat(policies).as(pod.name() + " is selected by a policy with ingress rules")
                    .anySatisfy(p -> {
                        assertThat(selects(Yamls.map(Yamls.map(p, "spec"), "podSelector"), pod.labels())).isTrue();
                        assertThat(Yamls.list(Yamls.map(p, "spec"), "ingress")).isNotEmpty();
                    });
        }
    }

    @Test
    void postgresql_admits_exactly_the_workloads_configured_to_use_it_plus_its_own_instances() {
        Object cluster = tree.manifests().stream().filter(d -> "Cluster".equals(d.kind())).findFirst().orElseThrow().content();
        Map<String, Object> instance = Map.of("cnpg.io/cluster", Yamls.name(cluster));
        for (Pod pod : pods) {
            boolean uses = pod.environment().contains(Yamls.name(cluster) + "-rw")
                    || pod.environment().contains(Yamls.name(cluster) + "-ro");
            assertThat(admittedFromPod(instance, pod.labels(), "5432")).as(pod.name() + " reaches PostgreSQL")
                    .isEqualTo(uses);
        }
        assertThat(pods.stream().filter(p -> admittedFromPod(instance, p.labels(), "5432")).map(Pod::name))
                .containsExactlyInAnyOrder("registry-api", "registry-api-read", "settlement");
        assertThat(admittedFromPod(instance, instance, "5432")).as("replication between instances").isTrue();
        assertThat(admittedFromNamespace(instance, "cnpg-system", "8000")).as("the CloudNativePG operator").isTrue();
        assertThat(admittedFromNamespace(instance, "ingress-nginx", "5432")).isFalse();
    }

    @Test
    void the_kafka_listener_admits_exactly_the_workloads_configured_to_use_it() {
        Object kafka = tree.manifests().stream().filter(d -> "Kafka".equals(d.kind())).findFirst().orElseThrow().content();
        String bootstrap = Yamls.name(kafka) + "-kafka-bootstrap";
        for (Object listener : Yamls.list(Yamls.map(Yamls.map(kafka, "spec"), "kafka"), "listeners")) {
            List<Object> peers = Yamls.list(listener, "networkPolicyPeers");
            assertThat(peers).as("listener " + Yamls.string(listener, "name") + " names its peers").isNotEmpty();
            for (Pod pod : pods) {
                boolean admitted = peers.stream().anyMatch(peer -> Yamls.map(peer, "namespaceSelector").isEmpty()
                        && selects(Yamls.map(peer, "podSelector"), pod.labels()));
                assertThat(admitted).as(pod.name() + " reaches Kafka").isEqualTo(pod.environment().contains(bootstrap));
            }
        }
    }

    @Test
    void the_services_take_api_traffic_from_the_ingress_controller_and_the_management_port_from_monitoring_only() {
        for (Pod pod : pods) {
            assertThat(admittedFromNamespace(pod.labels(), "ingress-nginx", "http")).as(pod.name()).isTrue();
            assertThat(admittedFromNamespace(pod.labels(), "ingress-nginx", "management")).as(pod.name()).isFalse();
            assertThat(admittedFromNamespace(pod.labels(), "monitoring", "management")).as(pod.name()).isTrue();
            assertThat(admittedFromNamespace(pod.labels(), "monitoring", "http")).as(pod.name()).isFalse();
            for (Pod other : pods) {
                assertThat(admittedFromPod(pod.labels(), other.labels(), "http"))
                        .as(other.name() + " calls " + pod.name()).isFalse();
            }
        }
    }

    /** Whether some policy selecting the target admits a pod of the same namespace on the port. */
    private static boolean admittedFromPod(Map<String, Object> target, Map<String, Object> source, String port) {
        return admitted(target, port, peer -> Yamls.map(peer, "namespaceSelector").isEmpty()
                && !Yamls.map(peer, "podSelector").isEmpty() && selects(Yamls.map(peer, "podSelector"), source));
    }

    /** Whether some policy selecting the target admits any pod of the named namespace on the port. */
    private static boolean admittedFromNamespace(Map<String, Object> target, String namespace, String port) {
        return admitted(target, port, peer -> Yamls.map(peer, "podSelector").isEmpty()
                && selects(Yamls.map(peer, "namespaceSelector"), Map.of("kubernetes.io/metadata.name", namespace)));
    }

    private static boolean admitted(Map<String, Object> target, String port, java.util.function.Predicate<Object> peer) {
        for (Object policy : policies) {
            Map<String, Object> spec = Yamls.map(policy, "spec");
            if (!selects(Yamls.map(spec, "podSelector"), target)) {
                continue;
            }
            for (Object rule : Yamls.list(spec, "ingress")) {
                boolean portMatches = Yamls.list(rule, "ports").isEmpty() || Yamls.list(rule, "ports").stream()
                        .anyMatch(p -> port.equals(Yamls.string(p, "port")));
                if (portMatches && Yamls.list(rule, "from").stream().anyMatch(peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A label selector with matchLabels only (what these policies use); empty selects everything. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        assertThat(selector).as("selectors here use matchLabels only").containsOnlyKeys(
                selector.isEmpty() ? List.of() : List.of("matchLabels"));
        return Yamls.map(selector, "matchLabels").entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }

    /** Every env value and every value of the ConfigMaps its containers read, joined. */
    private static String environment(Object workload, Map<String, Map<String, String>> configMaps) {
        StringBuilder text = new StringBuilder();
        for (Object container : KustomizeCheck.containers(workload)) {
            for (Object env : Yamls.list(container, "env")) {
                text.append(Yamls.string(env, "value")).append('\n');
            }
            for (Object envFrom : Yamls.list(container, "envFrom")) {
                String name = Yamls.string(Yamls.map(envFrom, "configMapRef"), "name");
                configMaps.getOrDefault(name, new LinkedHashMap<>()).values().forEach(v -> text.append(v).append('\n'));
            }
        }
        return text.toString();
    }
}
