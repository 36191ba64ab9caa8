package org.jcm.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one service can be configured with, and which HTTP paths it serves: the answer to "does
 * this environment variable set a real property of this service?" and "does this probe path
 * exist?".
 *
 * <p>A variable is accepted when it is, in this order: an environment variable the container
 * image reads itself ({@link #IMAGE_VARIABLES}); a run-time property of a Quarkus extension (a
 * build-time one is refused: setting it in a container has no effect); a property in the
 * service's {@code application.properties}; a property declared by one of its
 * {@code @ConfigMapping} interfaces; a Kafka client property ({@code KAFKA_*}); a MicroProfile
 * property of {@link #MICROPROFILE}; or a property of {@link Pending} whose declaring file is
 * not in this tree yet. Anything else is a problem, reported with the closest known name.
 */
final class ServiceConfiguration {

    /** Read by the container image's entry point (deploy/docker), not by the configuration library. */
    static final Map<String, String> IMAGE_VARIABLES = Map.of(
            "JAVA_OPTS", "JVM options, expanded by the entry point of deploy/docker/*/Dockerfile");

    /**
     * Documented MicroProfile properties that no Quarkus extension model lists, because they are
     * defined by a MicroProfile specification and read by SmallRye directly.
     */
    static final Map<String, String> MICROPROFILE = Map.of(
            // MicroProfile JWT 2.1, section "Configuration": where the verification key is (a PEM,
            // JWK or JWKS file or URL), the key itself, the expected iss, the accepted aud.
            "mp.jwt.verify.publickey.location", "MicroProfile JWT 2.1",
            "mp.jwt.verify.publickey", "MicroProfile JWT 2.1",
            "mp.jwt.verify.publickey.algorithm", "MicroProfile JWT 2.1",
            "mp.jwt.verify.issuer", "MicroProfile JWT 2.1",
            "mp.jwt.verify.audiences", "MicroProfile JWT 2.1",
            "mp.jwt.token.header", "MicroProfile JWT 2.1",
            "mp.jwt.token.cookie", "MicroProfile JWT 2.1",
            "mp.jwt.decrypt.key.location", "MicroProfile JWT 2.1");

    /**
     * A property declared on a branch that is not merged into this tree yet. While
     * {@code declaredIn} (relative to the repository root) does not exist, the property is
     * accepted; once the file exists, the property must be found there like any other, so a
     * rename on that branch fails the check.
     */
    record Pending(String service, String property, String declaredIn, String why) {
    }

    private static final Pattern PATH = Pattern.compile("@Path\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(class|interface|record)\\s+\\w+");

    private final String service;
    private final Path repositoryRoot;
    private final Path propertiesFile;
    private final Map<String, String> properties;
    private final ConfigMappingScanner.Declared mappings;
    private final QuarkusConfigModel quarkus;
    private final List<Pending> pending;
    private final Set<String> kafkaClientProperties;
    private final Set<String> restPaths;
    private final Set<String> pendingUsed = new TreeSet<>();

    ServiceConfiguration(String service, Path repositoryRoot, Path serviceDirectory, QuarkusConfigModel quarkus,
            List<Pending> pending) {
        this.service = service;
        this.repositoryRoot = repositoryRoot;
        this.propertiesFile = serviceDirectory.resolve("src/main/resources/application.properties");
        this.properties = loadProperties(propertiesFile);
        Path sources = serviceDirectory.resolve("src/main/java");
        this.mappings = ConfigMappingScanner.scan(sources);
        this.quarkus = quarkus;
        this.pending = pending.stream().filter(p -> p.service().equals(service)).toList();
        Set<String> kafka = new TreeSet<>(ProducerConfig.configNames());
        kafka.addAll(ConsumerConfig.configNames());
        this.kafkaClientProperties = kafka;
        this.restPaths = restPaths(sources);
    }

    String service() {
        return service;
    }

    boolean hasPropertiesFile() {
        return Files.isRegularFile(propertiesFile);
    }

    /** The properties that its @ConfigMapping interfaces declare (for the tests of the scanner). */
    ConfigMappingScanner.Declared mappings() {
        return mappings;
    }

    /** Pending entries that were needed so far (their declaring file is not in the tree yet). */
    Set<String> pendingUsed() {
        return pendingUsed;
    }

    /** Why this variable does not set a configuration property of the service, or empty if it does. */
    Optional<String> problem(String variable) {
        if (IMAGE_VARIABLES.containsKey(variable)) {
            return Optional.empty();
        }
        Optional<QuarkusConfigModel.Property> quarkusProperty = quarkus.find(variable);
        if (quarkusProperty.isPresent()) {
            QuarkusConfigModel.Property p = quarkusProperty.get();
            return p.runtime() ? Optional.empty()
                    : Optional.of(variable + " sets " + p.name() + ", which is fixed at build time (" + p.phase()
                            + "): setting it in the container has no effect");
        }
        if (properties.containsKey(variable) || declaredByMapping(variable)) {
            return Optional.empty();
        }
        if (variable.startsWith("KAFKA_")) {
            String kafkaProperty = EnvNames.kafkaClientProperty(variable);
            return kafkaClientProperties.contains(kafkaProperty) ? Optional.empty()
                    : Optional.of(variable + " would set the Kafka client property " + kafkaProperty
                            + ", which Kafka does not define" + hint(variable));
        }
        if (MICROPROFILE.keySet().stream().anyMatch(p -> EnvNames.of(p).equals(variable))) {
            return Optional.empty();
        }
        for (Pending p : pending) {
            if (EnvNames.of(p.property()).equals(variable)) {
                if (!Files.exists(repositoryRoot.resolve(p.declaredIn()))) {
                    pendingUsed.add(p.property() + " (" + p.declaredIn() + ": " + p.why() + ")");
                    return Optional.empty();
                }
                return Optional.of(variable + " sets " + p.property() + ", listed as pending until "
                        + p.declaredIn() + " exists; that file exists now but does not declare it" + hint(variable));
            }
        }
        return Optional.of(variable + " maps to no configuration property of " + service + hint(variable)
                + " (looked in: the Quarkus configuration model of " + quarkus.extensions() + " extensions; "
                + (hasPropertiesFile() ? propertiesFile : propertiesFile + " (missing)") + "; @ConfigMapping "
                + "properties " + mappings.properties().size() + "; Kafka client properties; MicroProfile JWT)");
    }

    private boolean declaredByMapping(String variable) {
        return mappings.properties().stream().anyMatch(p -> EnvNames.of(p).equals(variable))
                || mappings.mapPrefixes().stream().anyMatch(p -> variable.startsWith(EnvNames.of(p) + "_"));
    }

    /** "; did you mean X?" for the closest known variable within two edits, or nothing. */
    private String hint(String variable) {
        List<String> known = new ArrayList<>(properties.keySet());
        quarkus.variables().forEach(known::add);
        mappings.properties().forEach(p -> known.add(EnvNames.of(p)));
        MICROPROFILE.keySet().forEach(p -> known.add(EnvNames.of(p)));
        pending.forEach(p -> known.add(EnvNames.of(p.property())));
        kafkaClientProperties.forEach(p -> known.add("KAFKA_" + EnvNames.of(p)));
        return known.stream().filter(k -> !k.equals(variable)).min(Comparator.comparingInt(k -> EnvNames.distance(k,
                variable))).filter(k -> EnvNames.distance(k, variable) <= 2).map(k -> "; did you mean " + k + "?")
                .orElse("");
    }

    /**
     * Whether the service answers GET on this path: its health and metrics endpoints (where its
     * configuration puts them) or a path of its REST resources.
     */
    boolean servesPath(String path) {
        return nonApplicationPaths().contains(path) || restPaths.contains(normalise(path));
    }

    /**
     * The SmallRye Health and Micrometer endpoints, moved wherever application.properties moves them:
     * under the management interface's root path when it is enabled (they are served on its port
     * only, see {@link #managementEnabled()}), else under the HTTP non-application root.
     */
    Set<String> nonApplicationPaths() {
        String nonApplication;
        if (managementEnabled()) {
            nonApplication = normalise(properties.getOrDefault("QUARKUS_MANAGEMENT_ROOT_PATH", "/q"));
        } else {
            String root = normalise(properties.getOrDefault("QUARKUS_HTTP_ROOT_PATH", "/"));
            nonApplication = under(root, properties.getOrDefault("QUARKUS_HTTP_NON_APPLICATION_ROOT_PATH", "q"));
        }
        String health = under(nonApplication, properties.getOrDefault("QUARKUS_SMALLRYE_HEALTH_ROOT_PATH", "health"));
        Set<String> paths = new LinkedHashSet<>();
        paths.add(health);
        paths.add(under(health, properties.getOrDefault("QUARKUS_SMALLRYE_HEALTH_LIVENESS_PATH", "live")));
        paths.add(under(health, properties.getOrDefault("QUARKUS_SMALLRYE_HEALTH_READINESS_PATH", "ready")));
        paths.add(under(health, properties.getOrDefault("QUARKUS_SMALLRYE_HEALTH_STARTUP_PATH", "started")));
        paths.add(under(nonApplication, properties.getOrDefault("QUARKUS_MICROMETER_EXPORT_PROMETHEUS_PATH",
                "metrics")));
        return paths;
    }

    /**
     * Whether application.properties turns the management interface on
     * ({@code quarkus.management.enabled}, fixed at build time): health and metrics are then served
     * on its own port and not on the HTTP port.
     */
    boolean managementEnabled() {
        return "true".equals(properties.get("QUARKUS_MANAGEMENT_ENABLED"));
    }

    /** The management interface's port unless the environment sets {@code QUARKUS_MANAGEMENT_PORT}. */
    String defaultManagementPort() {
        return properties.getOrDefault("QUARKUS_MANAGEMENT_PORT", "9000");
    }

    /** An absolute path stays as it is; a relative one is resolved under {@code base}. */
    private static String under(String base, String path) {
        return path.startsWith("/") ? normalise(path) : normalise(base + "/" + path);
    }

    private static String normalise(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Keys of application.properties in environment variable form, profiles other than prod dropped. */
    private static Map<String, String> loadProperties(Path file) {
        Map<String, String> byVariable = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return byVariable;
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : loaded.stringPropertyNames()) {
            String property = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            if (!property.startsWith("%")) {
                byVariable.put(EnvNames.of(property), loaded.getProperty(key));
            }
        }
        return byVariable;
    }

    /**
     * Paths of the REST resources: the class's @Path, and the class's joined with each method's.
     * A {@code quarkus.rest.path} or {@code quarkus.http.root-path} prefix is not applied: the
     * services set neither; a probe on a REST path under such a prefix would be reported.
     */
    private static Set<String> restPaths(Path sources) {
        Set<String> paths = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return paths;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = ConfigMappingScanner.stripComments(Files.readString(file, StandardCharsets.UTF_8));
                Matcher type = TYPE_DECLARATION.matcher(source);
                int typeStart = type.find() ? type.start() : 0;
                String classPath = "";
                List<String> methodPaths = new ArrayList<>();
                Matcher path = PATH.matcher(source);
                while (path.find()) {
                    if (path.start() < typeStart) {
                        classPath = path.group(1);
                    } else {
                        methodPaths.add(path.group(1));
                    }
                }
                if (!classPath.isEmpty()) {
                    paths.add(normalise(classPath));
                }
                for (String methodPath : methodPaths) {
                    paths.add(normalise(classPath + "/" + methodPath));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }
}
