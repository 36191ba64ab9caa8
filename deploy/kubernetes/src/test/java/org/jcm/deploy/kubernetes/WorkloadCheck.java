package org.jcm.deploy.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks of every container of every workload in a tree, patches included: each environment
 * variable (set directly or through a ConfigMap in envFrom) maps to a real configuration property
 * of the service the container runs; each HTTP probe asks a path the service serves, on a port the
 * container declares; and every complete workload (not a patch) has its three probes and memory
 * requests and limits. PodMonitors must scrape a path that every service serves.
 *
 * <p>A container's service is its name: a container named {@code registry-api} runs registry-api.
 * An init container runs a service's image for a task before the service starts (its migrations,
 * as the database owner): it is named after the service and the task, {@code registry-api-migrate},
 * its variables are checked against that service, it needs memory requests and limits like any
 * container, and it has no probes (Kubernetes refuses probes on an init container).
 */
final class WorkloadCheck {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    private WorkloadCheck() {
    }

    static List<String> run(ManifestTree tree, Map<String, ServiceConfiguration> services, Set<Path> patchFiles) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> configMapKeys = tree.configMapKeys();
        Map<String, Map<String, String>> configMapData = tree.configMapData();
        Map<String, Set<String>> managementPortNames = new TreeMap<>();
        for (ManifestTree.Document document : tree.manifests()) {
            String where = tree.relative(document.file()) + ": " + document.kind() + "/" + document.name();
            boolean patch = patchFiles.contains(document.file());
            Object pod = KustomizeCheck.podSpec(document.content());
            for (Object container : Yamls.list(pod, "initContainers")) {
                initContainer(where, container, services, configMapKeys, patch, problems);
            }
            for (Object container : Yamls.list(pod, "containers")) {
                String name = Yamls.string(container, "name");
                ServiceConfiguration service = services.get(name);
                String at = where + " container " + name;
                if (service == null) {
                    problems.add(at + ": not a known service " + services.keySet()
                            + " (the container name says which service's configuration applies)");
                    continue;
                }
                environment(at, container, service, configMapKeys, problems);
                String managementPort = managementPort(container, service, configMapData);
                probes(at, container, service, managementPort, patch, problems);
                for (Object port : Yamls.list(container, "ports")) {
                    if (String.valueOf(Yamls.string(port, "containerPort")).equals(managementPort)) {
                        managementPortNames.computeIfAbsent(name, n -> new TreeSet<>()).add(Yamls.string(port, "name"));
                    }
                }
                if (!patch) {
                    resources(at, container, problems);
                }
            }
        }
        for (ManifestTree.Document document : tree.manifests()) {
            if ("PodMonitor".equals(document.kind())) {
                String where = tree.relative(document.file()) + ": " + document.kind() + "/" + document.name();
                podMonitor(where, document.content(), services, managementPortNames, problems);
            }
        }
        return problems;
    }

    private static void initContainer(String where, Object container, Map<String, ServiceConfiguration> services,
            Map<String, Set<String>> configMapKeys, boolean patch, List<String> problems) {
        String name = String.valueOf(Yamls.string(container, "name"));
        String at = where + " init container " + name;
        ServiceConfiguration service = services.entrySet().stream()
                .filter(s -> name.equals(s.getKey()) || name.startsWith(s.getKey() + "-"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (service == null) {
            problems.add(at + ": not a task of a known service " + services.keySet()
                    + " (an init container is named after the service whose image it runs: <service>-<task>)");
            return;
        }
        environment(at, container, service, configMapKeys, problems);
        for (String probe : PROBES) {
            if (!Yamls.map(container, probe).isEmpty()) {
                problems.add(at + ": has a " + probe + ", which Kubernetes refuses on an init container");
            }
        }
        if (!patch) {
            resources(at, container, problems);
        }
    }

    private static void environment(String at, Object container, ServiceConfiguration service,
            Map<String, Set<String>> configMapKeys, List<String> problems) {
        for (Object env : Yamls.list(container, "env")) {
            service.problem(String.valueOf(Yamls.string(env, "name"))).ifPresent(p -> problems.add(at + ": " + p));
        }
        for (Object envFrom : Yamls.list(container, "envFrom")) {
            String prefix = Yamls.string(envFrom, "prefix");
            String configMap = Yamls.string(Yamls.map(envFrom, "configMapRef"), "name");
            if (configMap != null) {
                Set<String> keys = configMapKeys.get(configMap);
                if (keys == null) {
                    problems.add(at + ": envFrom ConfigMap " + configMap + " is not defined in this tree, so its "
                            + "variables cannot be checked");
                    continue;
                }
                for (String key : new TreeSet<>(keys)) {
                    String variable = (prefix == null ? "" : prefix) + key;
                    service.problem(variable).ifPresent(p -> problems.add(at + " (from ConfigMap " + configMap
                            + "): " + p));
                }
            }
            if (!Yamls.map(envFrom, "secretRef").isEmpty()) {
                problems.add(at + ": envFrom with a Secret hides the variable names from review and from this "
                        + "check; use env entries with valueFrom.secretKeyRef");
            }
        }
    }

    /**
     * The port the container's management interface listens on: {@code QUARKUS_MANAGEMENT_PORT} from
     * its env or a ConfigMap of its envFrom (env wins, as in Kubernetes), else the service's default;
     * null when the service has no management interface.
     */
    static String managementPort(Object container, ServiceConfiguration service,
            Map<String, Map<String, String>> configMapData) {
        if (!service.managementEnabled()) {
            return null;
        }
        for (Object env : Yamls.list(container, "env")) {
            if ("QUARKUS_MANAGEMENT_PORT".equals(Yamls.string(env, "name")) && Yamls.string(env, "value") != null) {
                return Yamls.string(env, "value");
            }
        }
        String port = service.defaultManagementPort();
        for (Object envFrom : Yamls.list(container, "envFrom")) {
            String configMap = Yamls.string(Yamls.map(envFrom, "configMapRef"), "name");
            String prefix = String.valueOf(Objects.requireNonNullElse(Yamls.string(envFrom, "prefix"), ""));
            Map<String, String> data = configMapData.getOrDefault(configMap, Map.of());
            for (Map.Entry<String, String> entry : data.entrySet()) {
                if ((prefix + entry.getKey()).equals("QUARKUS_MANAGEMENT_PORT")) {
                    port = entry.getValue();
                }
            }
        }
        return port;
    }

    private static void probes(String at, Object container, ServiceConfiguration service, String managementPort,
            boolean patch, List<String> problems) {
        Map<String, String> ports = new TreeMap<>();
        for (Object port : Yamls.list(container, "ports")) {
            String number = String.valueOf(Yamls.string(port, "containerPort"));
            ports.put(String.valueOf(Yamls.string(port, "name")), number);
            ports.put(number, number);
        }
        if (managementPort != null && !patch && !ports.containsValue(managementPort)) {
            problems.add(at + ": declares no port for the management interface (" + managementPort
                    + "), where " + service.service() + " serves health and metrics");
        }
        for (String probe : PROBES) {
            Map<String, Object> definition = Yamls.map(container, probe);
            if (definition.isEmpty()) {
                if (!patch) {
                    problems.add(at + ": no " + probe);
                }
                continue;
            }
            Map<String, Object> httpGet = Yamls.map(definition, "httpGet");
            if (httpGet.isEmpty()) {
                continue;
            }
            String path = Yamls.string(httpGet, "path");
            if (path == null || !service.servesPath(path)) {
                problems.add(at + ": " + probe + " asks " + path + ", which " + service.service()
                        + " does not serve (health and metrics: " + service.nonApplicationPaths()
                        + "; otherwise a @Path of its REST resources)");
            }
            String port = Yamls.string(httpGet, "port");
            if (!(patch && ports.isEmpty()) && !ports.containsKey(port)) {
                problems.add(at + ": " + probe + " uses port " + port + ", which the container does not declare "
                        + ports.keySet());
            } else if (managementPort != null && ports.containsKey(port) && path != null
                    && service.nonApplicationPaths().contains(path) != managementPort.equals(ports.get(port))) {
                problems.add(at + ": " + probe + " asks " + path + " on port " + port + ", but " + service.service()
                        + " serves health and metrics on its management port " + managementPort + " only, and its API "
                        + "on the other");
            }
        }
    }

    private static void resources(String at, Object container, List<String> problems) {
        Map<String, Object> resources = Yamls.map(container, "resources");
        if (Yamls.string(Yamls.map(resources, "requests"), "memory") == null
                || Yamls.string(Yamls.map(resources, "limits"), "memory") == null) {
            problems.add(at + ": memory requests and limits are required");
        }
    }

    /**
     * A PodMonitor scrapes a metrics path every service serves, and for a service with a management
     * interface, on the named port its containers declare for it.
     */
    private static void podMonitor(String where, Object podMonitor, Map<String, ServiceConfiguration> services,
            Map<String, Set<String>> managementPortNames, List<String> problems) {
        for (Object endpoint : Yamls.list(Yamls.map(podMonitor, "spec"), "podMetricsEndpoints")) {
            String path = Yamls.string(endpoint, "path");
            String port = Yamls.string(endpoint, "port");
            for (ServiceConfiguration service : services.values()) {
                if (path == null || !service.servesPath(path)) {
                    problems.add(where + ": scrapes " + path + ", which " + service.service() + " does not serve");
                }
                Set<String> names = managementPortNames.getOrDefault(service.service(), Set.of());
                if (service.managementEnabled() && !names.contains(port)) {
                    problems.add(where + ": scrapes port " + port + ", but " + service.service()
                            + " serves metrics on its management port only " + names);
                }
            }
        }
    }
}
